/** /metrics: Prometheus text with request, planning and data-set metrics, one registry per app. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type TestApp, withApp } from './helper.js';

/** The value of the sample whose name and labels are exactly `series`, or undefined. */
function sample(text: string, series: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return undefined;
}

let t: TestApp;
before(async (ctx) => {
  t = await withApp(ctx);
});

describe('GET /metrics', () => {
  it('answers in the Prometheus text format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.match(res.body, /^# HELP corridor_http_requests_total /m);
    assert.match(res.body, /^# TYPE corridor_http_request_duration_seconds histogram$/m);
    assert.match(res.body, /^corridor_process_resident_memory_bytes \d+/m);
  });

  it('names the data set and its size', async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(sample(text, 'corridor_data_info{data_version="fixture-1",data_date="2025-10"}'), 1);
    // Fixture README: 15 places, 5 crossings.
    assert.equal(sample(text, 'corridor_data_records{kind="places"}'), 15);
    assert.equal(sample(text, 'corridor_data_records{kind="crossings"}'), 5);
  });

  it('counts requests by route pattern and status, never by raw URL', async () => {
    await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi' });
    await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi&objective=shortest' });
    await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=atlantis' });
    await t.app.inject({ method: 'GET', url: '/scan/wp-admin.php' });
    await t.app.inject({ method: 'GET', url: '/scan/.env' });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(sample(text, 'corridor_http_requests_total{method="GET",route="/v1/routes",status_code="200"}'), 2);
    assert.equal(sample(text, 'corridor_http_requests_total{method="GET",route="/v1/routes",status_code="404"}'), 1);
    assert.equal(sample(text, 'corridor_http_requests_total{method="GET",route="(unmatched)",status_code="404"}'), 2);
    assert.equal(sample(text, 'corridor_http_request_duration_seconds_count{method="GET",route="/v1/routes",status_code="200"}'), 2);
    assert.doesNotMatch(text, /wp-admin|\.env|from=mary/);
  });

  it('counts route planning by objective and outcome, with its time', async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(sample(text, 'corridor_route_plans_total{objective="fastest",outcome="ok",cache="miss"}'), 1);
    assert.equal(sample(text, 'corridor_route_plans_total{objective="shortest",outcome="ok",cache="miss"}'), 1);
    assert.match(text, /^corridor_route_plans_total\{objective="fastest",outcome="unknown_place",cache="[a-z]+"\} 1$/m);
    assert.equal(sample(text, 'corridor_route_plan_duration_seconds_count{objective="fastest",outcome="ok"}'), 1);
  });

  it('counts a repeated question as a cache hit without a planning time', async () => {
    await t.app.inject({ method: 'GET', url: '/v1/routes?from=mary&to=karachi' });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(sample(text, 'corridor_route_plans_total{objective="fastest",outcome="ok",cache="hit"}'), 1);
    assert.equal(sample(text, 'corridor_route_plan_duration_seconds_count{objective="fastest",outcome="ok"}'), 1);
  });

  it('keeps one registry per app, so two apps in one process count apart', async (ctx) => {
    const other = await withApp(ctx);
    const text = (await other.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(sample(text, 'corridor_http_requests_total{method="GET",route="/v1/routes",status_code="200"}'), undefined);
  });
});
