/// <reference lib="dom" />
/**
 * The planner page in a real headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core) against the app on the real data set, listening
 * on a free loopback port. It plans Almaty → Karachi from the keyboard,
 * checks the drawing and the summary against /v1/routes, turns on planned and
 * proposed lines and finds the Afghan route, opens the compare table and
 * draws a scenario from it, reopens the view from its URL, and takes desktop
 * (1280×800) and phone (390×844) screenshots into test-results/. Any console
 * error, page error, failed request or CSP violation fails it.
 *
 * Without Chromium the suite is skipped with a loud message, except under CI
 * (CI=true), where .ci/run installs it and its absence is a failure.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CompareResponse } from '../../src/http/schemas/compare.js';
import type { RouteResponse, WireRoute } from '../../src/http/schemas/route-response.js';
import { parseConfig } from '../../src/config.js';
import { buildTestApp, REAL_DATA_DIR, type TestApp } from '../http/helper.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RESULTS_DIR = fileURLToPath(new URL('../../test-results', import.meta.url));
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const haveChromium = existsSync(CHROMIUM);
const skip = !haveChromium && !inCi;
if (skip) {
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! BROWSER TEST SKIPPED: ${CHROMIUM} not found. Install it (apt-get install -y chromium)\n` +
      `!! to run test/browser/page.test.ts; under CI=true a missing Chromium is a failure.\n${'!'.repeat(78)}\n\n`,
  );
}

// The page formats numbers with Intl in English (web/js/format.js); the expectations are built the same way from the API's figures.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const num = (x: number) => NUMBER.format(x);
const signed = (x: number) => (x === 0 ? '0' : `${x > 0 ? '+' : '−'}${NUMBER.format(Math.abs(x))}`);
const REGION = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => REGION.of(code) ?? code;

describe('planner page in Chromium', { skip: skip ? `${CHROMIUM} not found (and CI is not set)` : false, timeout: 180_000 }, () => {
  let t: TestApp;
  let base: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  /** Every console error, page error, failed request and CSP violation, from every page. */
  const problems: string[] = [];

  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    p.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
  };

  const api = async <T>(pathAndQuery: string): Promise<T> => {
    const res = await fetch(`${base}${pathAndQuery}`);
    assert.equal(res.status, 200, pathAndQuery);
    return (await res.json()) as T;
  };

  const text = async (selector: string) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

  /** Waits for the answer of a plan started just before (the status line changes and the answer is done). */
  const answered = async (previousStatus: string) => {
    await page.waitForFunction(
      (prev) => document.querySelector('#answer')?.getAttribute('data-state') === 'done' && document.querySelector('#status')?.textContent !== prev,
      previousStatus,
      { timeout: 20_000 },
    );
  };

  /** The summary and the drawing of the chosen route agree with the API's route. */
  const checkRouteShown = async (r: WireRoute, routesInAnswer: number) => {
    assert.equal(await text('#summary [data-field="km"]').then((s) => s.split(' km')[0]), num(r.distanceKm), 'km');
    assert.equal(
      await text('#summary [data-field="days"]'),
      `${num(r.transitDays.typical)} days typical (${num(r.transitDays.low)} low – ${num(r.transitDays.high)} high)`,
      'days',
    );
    assert.equal(await text('#summary [data-field="countries"]'), r.countries.map(countryName).join(' → '), 'countries');
    assert.equal(await page.locator('#legs tbody tr').count(), r.legs.length, 'one table row per leg');
    assert.equal(await page.locator('path.route-line').count(), routesInAnswer, 'every route drawn');
    assert.equal(await page.locator('path.route-chosen').count(), 1, 'one route highlighted');
    const box = await page.locator('path.route-chosen').boundingBox();
    assert.ok(box && box.width > 40 && box.height > 40, `the chosen route is drawn across the map: ${JSON.stringify(box)}`);
    // The stacked bar has one segment per non-zero component of the answer, whatever the components are.
    const segments = await page.locator('#time-bar .seg').evaluateAll((els) => els.map((e) => e.getAttribute('data-component')));
    const expected = Object.entries(r.hoursByComponent)
      .filter(([, h]) => h.typical > 0)
      .map(([k]) => k);
    assert.deepEqual(segments, expected, 'time bar components');
  };

  before(async () => {
    assert.ok(haveChromium, `${CHROMIUM} is missing: .ci/run installs Debian's chromium package before npm test`);
    // Chromium shares the cores with the app here: load shedding (503 on event-loop delay) is off, so a slow
    // machine cannot turn into a page error; the page itself is what this test is about.
    t = await buildTestApp(REAL_DATA_DIR, { config: parseConfig({ DATA_DIR: REAL_DATA_DIR, NODE_ENV: 'test', MAX_EVENT_LOOP_DELAY_MS: '0' }) });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    mkdirSync(RESULTS_DIR, { recursive: true });
    profile = mkdtempSync(path.join(tmpdir(), 'corridor-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 800 },
    });
    // Chromium reports CSP violations as console errors too; this names the directive in case it does not.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = context.pages()[0] ?? (await context.newPage());
    watch(page);
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await t?.app.close();
  });

  it('1. loads / and plans Almaty → Karachi from the keyboard', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    assert.equal(await page.locator('#error').isHidden(), true, await text('#error'));
    await page.locator('#from').focus();
    await page.keyboard.type('Alma');
    await page.waitForSelector('#from + [role="listbox"] [role="option"]', { timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter'); // takes the highlighted suggestion
    assert.equal(await page.inputValue('#from'), 'Almaty');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'to', 'Tab goes from "From" to "To"');
    await page.keyboard.type('Karachi');
    await page.keyboard.press('Escape');
    const before = await text('#status');
    await page.keyboard.press('Enter'); // submits the form
    await answered(before);
    assert.match(page.url(), /[?&]from=Almaty&to=Karachi(&|$)/);
  });

  it('2. draws the route and shows the summary of /v1/routes', async () => {
    const answer = await api<RouteResponse>('/v1/routes?from=Almaty&to=Karachi');
    await checkRouteShown(answer.routes[0]!, answer.routes.length);
  });

  it('2b. marks each border crossing between its two border points on the map', async () => {
    // Saraghs (TM) and Sarakhs (IR) are 6 km apart: the crossing's mark sits on them, whatever the zoom.
    const centre = async (selector: string) => {
      const b = await page.locator(selector).first().boundingBox();
      assert.ok(b, selector);
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    // Measured once the map rests: in the middle of the route's zoom animation marks and lines are apart.
    const measure = async () => {
      await page.waitForSelector('#map:not([data-moving])', { timeout: 10_000 });
      const mark = await centre('.mk-crossing[title^="Saraghs – Sarakhs:"]');
      const px: Record<string, number> = {};
      for (const place of ['saraghs', 'sarakhs']) {
        const dot = await centre(`path.place-${place}`);
        px[place] = Math.hypot(mark.x - dot.x, mark.y - dot.y);
      }
      return px;
    };
    // The box can still change size (and the map with it) just after an answer: give it a few tries to settle.
    let px = await measure();
    for (let tries = 0; tries < 20 && Object.values(px).some((d) => d >= 12); tries += 1) {
      await page.waitForTimeout(100);
      px = await measure();
    }
    for (const [place, d] of Object.entries(px)) assert.ok(d < 12, `the Saraghs – Sarakhs mark is ${d.toFixed(0)} px from ${place}`);
    // Saraghs – Sarakhs changes gauge (1520/1435, /v1/border-crossings); Saryagash – Keles is 1520 mm on both sides.
    const gauge = page.locator('.mk-crossing[title^="Saraghs – Sarakhs:"]');
    assert.match(String(await gauge.getAttribute('class')), /\bmk-gauge\b/);
    assert.match(String(await gauge.getAttribute('title')), /gauge change 1520\/1435 mm, transshipment/);
    const same = page.locator('.mk-crossing[title^="Saryagash – Keles:"]');
    assert.doesNotMatch(String(await same.getAttribute('class')), /\bmk-gauge\b/);
  });

  it('3. with planned and proposed lines, finds the Afghan route', async () => {
    await page.getByLabel('planned', { exact: true }).check();
    await page.getByLabel('proposed', { exact: true }).check();
    const before = await text('#status');
    await page.getByRole('button', { name: 'Plan route' }).click();
    await answered(before);
    const answer = await api<RouteResponse>('/v1/routes?from=Almaty&to=Karachi&include=planned,proposed');
    const best = answer.routes[0]!;
    assert.ok(best.countries.includes('AF'), `the API's best route passes Afghanistan: ${best.countries.join(',')}`);
    await checkRouteShown(best, answer.routes.length);
    assert.match(await text('#summary [data-field="countries"]'), /Afghanistan/);
    assert.ok((await page.locator('#warnings [data-code="NON_OPERATIONAL_LINK"]').count()) > 0, 'warns that lines are not running');
    assert.match(page.url(), /[?&]include=planned,proposed(&|$)/);
  });

  it('4. opens the compare table and draws a scenario from it', async () => {
    await page.getByRole('button', { name: 'Compare this lane' }).click();
    await page.waitForSelector('table.compare tbody tr', { timeout: 20_000 });
    const c = await api<CompareResponse>('/v1/compare?from=Almaty&to=Karachi');
    assert.equal(await page.locator('table.compare tbody tr').count(), 1 + c.scenarios.length);
    const s = c.scenarios.find((x) => x.scenario.id === 'kz-tm-af-pk-built');
    assert.ok(s?.route && s.differences, 'the KZ–TM–AF–PK scenario has a route and differences');
    const row = page.locator('table.compare tr[data-scenario="kz-tm-af-pk-built"]');
    const cells = (await row.locator('td').allTextContents()).map((x) => x.trim());
    assert.deepEqual(cells.slice(0, 4), [num(s.route.distanceKm), signed(s.differences.distanceKm), num(s.route.transitDays.typical), signed(s.differences.typicalDays)]);
    const before = await text('#status');
    await row.getByRole('button').click();
    await answered(before);
    assert.equal(await page.inputValue('#scenario'), 'kz-tm-af-pk-built');
    const answer = await api<RouteResponse>('/v1/routes?from=Almaty&to=Karachi&scenario=kz-tm-af-pk-built');
    assert.equal(answer.routes[0]!.distanceKm, s.route.distanceKm, 'the drawn route is the compared one');
    await checkRouteShown(answer.routes[0]!, answer.routes.length);
    assert.match(page.url(), /[?&]scenario=kz-tm-af-pk-built(&|$)/);
  });

  it('5. a link reopens the same view; screenshots at 1280×800 and 390×844', async () => {
    await page.fill('#reach-days', '4');
    await page.getByRole('button', { name: 'Shade reachable places' }).click();
    await page.waitForFunction(() => document.querySelectorAll('path.reach-place').length > 0, null, { timeout: 20_000 });
    const url = page.url();
    assert.match(url, /[?&]reach=4(&|$)/);
    const summary = await text('#summary');

    const again = await context.newPage();
    watch(again);
    await again.setViewportSize({ width: 1280, height: 800 });
    await again.goto(url);
    await again.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await again.waitForSelector('#answer[data-state="done"]');
    await again.waitForSelector('table.compare');
    await again.waitForFunction(() => document.querySelectorAll('path.reach-place').length > 0);
    assert.equal(((await again.textContent('#summary')) ?? '').replace(/\s+/g, ' ').trim(), summary, 'the same answer from the link');
    assert.equal(await again.inputValue('#scenario'), 'kz-tm-af-pk-built');
    await again.waitForSelector('#map:not([data-moving])'); // the map rests after its zoom animation
    await again.screenshot({ path: path.join(RESULTS_DIR, 'page-desktop-1280x800.png') });
    await again.close();

    const phone = await context.newPage();
    watch(phone);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url.replace(/&?reach=4/, ''));
    await phone.waitForSelector('#answer[data-state="done"]', { timeout: 30_000 });
    await phone.waitForSelector('#map:not([data-moving])');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow} px too wide)`);
    await phone.screenshot({ path: path.join(RESULTS_DIR, 'page-phone-390x844.png') });
    await phone.screenshot({ path: path.join(RESULTS_DIR, 'page-phone-390x844-full.png'), fullPage: true });
    await phone.close();
  });

  it('5b. plans at a planning month (asOf) from the link and shows the month in its field', async () => {
    const answer = await api<RouteResponse>('/v1/routes?from=Almaty&to=Karachi&asOf=2031-01');
    await page.goto(`${base}/?from=Almaty&to=Karachi&asOf=2031-01`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('#answer[data-state="done"]', { timeout: 30_000 });
    assert.equal(await page.inputValue('#asOf'), '2031-01');
    await checkRouteShown(answer.routes[0]!, answer.routes.length);
  });

  it('5c. a departure date gives the dated arrival and the calendar waits of /v1/routes', async () => {
    const dated = await context.newPage();
    watch(dated);
    await dated.goto(`${base}/?from=Aktau&to=Baku&departAt=2027-12-15T08:00:00Z`);
    await dated.waitForSelector('#answer[data-state="done"]', { timeout: 30_000 });
    assert.equal(await dated.inputValue('#departAt'), '2027-12-15T08:00');
    const december = await api<RouteResponse>('/v1/routes?from=Aktau&to=Baku&departAt=2027-12-15T08:00:00Z');
    const when = (t: string) => `${t.slice(0, 10)} ${t.slice(11, 16)}`;
    const eta = ((await dated.textContent('#summary [data-field="eta"]')) ?? '').replace(/\s+/g, ' ');
    assert.ok(eta.startsWith(`${when(december.routes[0]!.eta!.arrival!.typical)} typical`), eta);
    assert.match(eta, /Aktau: winter storm closures/);
    await dated.fill('#departAt', '2027-07-15T08:00');
    await dated.getByRole('button', { name: 'Plan route' }).click();
    await dated.waitForFunction(
      () => document.querySelector('#answer')?.getAttribute('data-state') === 'done' && document.querySelector('[data-field="eta"]')?.textContent?.includes('no calendar waits'),
      null,
      { timeout: 20_000 },
    );
    assert.match(dated.url(), /[?&]departAt=2027-07-15T08%3A00%3A00Z(&|$)|[?&]departAt=2027-07-15T08:00:00Z(&|$)/);
    await dated.close();
  });

  it('6. no console error, page error, failed request or CSP violation', () => {
    assert.deepEqual(problems, []);
  });
});
