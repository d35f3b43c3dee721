/**
 * Asks a running service for lanes at several planning months
 * (GET /v1/compare?asOf=…) and prints the Markdown table of the README's
 * "Planning dates" section: km, typical days (low – high), countries, and
 * the dated records each route relies on.
 *
 *   npm run start:dev &  (or npm start)
 *   npx tsx scripts/planning-dates-table.ts [http://localhost:3000]
 */
const BASE = process.argv[2] ?? 'http://localhost:3000';
const MONTHS = ['now', '2028-01', '2031-01'];
const LANES: [string, string][] = [
  ['Almaty', 'Karachi'],
  ['Tashkent', 'Karachi'],
  ['Termez', 'Karachi'],
  ['Almaty', 'Herat'],
];

interface Figures {
  distanceKm: number;
  transitDays: { low: number; typical: number; high: number };
  countries: string[];
}
interface CompareAnswer {
  query: { from: { name: string }; to: { name: string } };
  scenarios: { scenario: { id: string }; route: Figures | null }[];
  dates: { asOf: string; route: Figures | null; openedOnRoute: { id: string; kind: string; expected: string; confidence: string }[] }[];
}

const cell = (r: Figures | null) =>
  r === null ? 'no route' : `${r.distanceKm} km, ${r.transitDays.typical} d (${r.transitDays.low}–${r.transitDays.high}), ${r.countries.join(' ')}`;

const rows: string[] = [`| lane | ${MONTHS.join(' | ')} | scenario kz-tm-af-pk-built |`, `|---|${MONTHS.map(() => '---').join('|')}|---|`];
const notes: string[] = [];
for (const [from, to] of LANES) {
  const url = `${BASE}/v1/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&asOf=${MONTHS.join(',')}&scenarios=kz-tm-af-pk-built`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const a = (await res.json()) as CompareAnswer;
  const lane = `${a.query.from.name} → ${a.query.to.name}`;
  rows.push(`| ${lane} | ${a.dates.map((d) => cell(d.route)).join(' | ')} | ${cell(a.scenarios[0]?.route ?? null)} |`);
  for (const d of a.dates) {
    const links = d.openedOnRoute.filter((o) => o.kind === 'link');
    if (links.length > 0) notes.push(`- ${lane} at ${d.asOf} uses ${links.map((o) => `${o.id} (${o.expected}, ${o.confidence})`).join(', ')}.`);
  }
}
console.log([...rows, '', ...notes].join('\n'));
