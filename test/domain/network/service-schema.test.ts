/** The `service` attribute of links: required on sea links, optional on ferries (absent = unknown), never on rail or road. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkSchema } from '../../../src/domain/network/schema.js';
import { serviceOf, isUnscheduled } from '../../../src/domain/network/service.js';

const src = [{ source: 'test', statement: 'made up for a test' }];
const hours = { low: 1, typical: 1, high: 1, provenance: { basis: 'sourced' } };
const base = { id: 'a--b', from: 'a', to: 'b', lengthKm: 100, length: { basis: 'sourced' }, status: 'operational', statusAsOf: '2025', sources: src };
const sea = { ...base, mode: 'sea', sea: { handlingHours: hours } };
const ferry = { ...base, mode: 'ferry', ferry: { crossingHours: hours, waitHours: hours, handlingHours: hours } };
const rail = { ...base, mode: 'rail', gaugeMm: 1520 };
const service = { kind: 'on-demand', asOf: '2025-01', sources: src };

const paths = (r: ReturnType<typeof LinkSchema.safeParse>) => (r.success ? [] : r.error.issues.map((i) => i.path.join('.')));

describe('link service', () => {
  it('a sea link without a service is rejected, naming the field', () => {
    assert.deepEqual(paths(LinkSchema.safeParse(sea)), ['service']);
    assert.deepEqual(paths(LinkSchema.safeParse({ ...sea, service })), []);
  });

  it('a ferry may omit it; its service is then unknown, not scheduled', () => {
    const parsed = LinkSchema.parse(ferry);
    assert.equal(parsed.service, undefined);
    assert.equal(serviceOf(parsed), 'unknown');
    assert.equal(isUnscheduled(parsed), false);
  });

  it('rail and road links cannot have one', () => {
    assert.deepEqual(paths(LinkSchema.safeParse({ ...rail, service })), ['service']);
    assert.equal(serviceOf(LinkSchema.parse(rail)), 'not-applicable');
  });

  it('kind, as-of date and at least one source are required; the kinds are scheduled, on-demand and none', () => {
    assert.ok(paths(LinkSchema.safeParse({ ...sea, service: { ...service, sources: [] } })).includes('service.sources'));
    assert.ok(paths(LinkSchema.safeParse({ ...sea, service: { ...service, kind: 'weekly' } })).includes('service.kind'));
    assert.ok(paths(LinkSchema.safeParse({ ...sea, service: { kind: 'none', sources: src } })).includes('service.asOf'));
    for (const kind of ['on-demand', 'none']) assert.equal(isUnscheduled(LinkSchema.parse({ ...sea, service: { ...service, kind } })), true);
    assert.equal(isUnscheduled(LinkSchema.parse({ ...sea, service: { ...service, kind: 'scheduled' } })), false);
  });
});
