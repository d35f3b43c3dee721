/**
 * The calibration table as Markdown: one row per service with the published
 * figure, the model's low / typical / high for the record's scope, the ratio
 * published ÷ typical and the verdict. Deterministic, so docs/calibration.md can
 * be checked for drift.
 */
import type { CalibrationResult } from './evaluate.js';

const days = (h: number): string => (h / 24).toFixed(1);
const hrs = (h: number): string => (Math.round(h * 10) / 10).toFixed(1);

/** Hours below 72 are shown in h, longer times in days: the unit a planner reads them in. */
function fmt(h: number, inDays: boolean): string {
  return inDays ? `${days(h)} d` : `${hrs(h)} h`;
}

const VERDICT: Record<CalibrationResult['verdict'], string> = {
  inside: 'inside',
  outside: '**OUTSIDE**',
  excepted: 'excepted',
  claim: 'claim',
  'no-route': '**NO ROUTE**',
};

export function calibrationTable(results: readonly CalibrationResult[]): string {
  const rows = results.map((res) => {
    const r = res.record;
    const inDays = r.figure.unit === 'days' || res.publishedHours >= 72;
    const stated = r.figure.low === r.figure.high ? `${r.figure.low} ${r.figure.unit}` : `${r.figure.low}–${r.figure.high} ${r.figure.unit}`;
    const m = res.model;
    const model = m ? `${fmt(m.low, inDays)} / ${fmt(m.typical, inDays)} / ${fmt(m.high, inDays)}` : '–';
    const ratio = res.ratio !== undefined ? res.ratio.toFixed(2) : '–';
    const lane = `${r.lane.from} → ${r.lane.to}`;
    const verdict = res.verdict === 'excepted' || res.verdict === 'outside' ? `${VERDICT[res.verdict]}: ${res.reason}` : `${VERDICT[res.verdict]} (${res.reason})`;
    return `| ${r.id} | ${lane} | ${r.kind} | ${r.scope} | ${stated} | ${model} | ${ratio} | ${verdict} |`;
  });
  const count = (v: CalibrationResult['verdict']): number => results.filter((r) => r.verdict === v).length;
  return [
    '| service | lane | kind | scope | published | model low / typical / high | published ÷ typical | verdict |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `${results.length} services: ${count('inside')} inside their band, ${count('excepted')} excepted, ${count('claim')} claims (not checked), ${count('outside')} outside, ${count('no-route')} without a route.`,
  ].join('\n');
}
