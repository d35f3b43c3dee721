/**
 * Records the answers of the fixed set of real route questions
 * (test/domain/routing/real-queries.ts) on a data set, or compares them with a
 * recording made earlier, to show a change of the planning core leaves every
 * answer as it was.
 *
 *   tsx scripts/record-queries.ts record /tmp/answers.json [DATA_DIR]
 *   tsx scripts/record-queries.ts compare /tmp/answers.json [DATA_DIR]
 *
 * An answer is the full route list (every leg, hour and warning) or the error
 * code and message. The file lives outside the repository: it is only valid
 * for the data set and code it was recorded with.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DomainError } from '../src/domain/errors.js';
import { loadNetwork } from '../src/domain/network/load-network.js';
import { planRoutes } from '../src/domain/routing/plan-routes.js';
import { prepareNetwork } from '../src/domain/routing/prepare.js';
import { realQueries } from '../test/domain/routing/real-queries.js';

const [mode, file, dataDir = 'data'] = process.argv.slice(2);
if ((mode !== 'record' && mode !== 'compare') || !file) {
  console.error('usage: tsx scripts/record-queries.ts record|compare FILE [DATA_DIR]');
  process.exit(2);
}

const prepared = prepareNetwork(await loadNetwork(dataDir));
const queries = realQueries(prepared.network);
const answers: { query: unknown; answer: string; ms: number }[] = [];
for (const [i, q] of queries.entries()) {
  const t = performance.now();
  let answer: string;
  try {
    answer = JSON.stringify({ routes: planRoutes(prepared, q) });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    answer = JSON.stringify({ error: err.code, message: err.message });
  }
  const ms = performance.now() - t;
  if (ms > 1000) console.error(`query ${i} took ${Math.round(ms)} ms`);
  answers.push({ query: q, answer, ms: Math.round(ms * 100) / 100 });
}

const summary = (list: typeof answers): string => {
  const errors = new Map<string, number>();
  for (const a of list) {
    const code = (JSON.parse(a.answer) as { error?: string }).error ?? 'routes';
    errors.set(code, (errors.get(code) ?? 0) + 1);
  }
  return [...errors].map(([k, v]) => `${k} ${v}`).join(', ');
};

if (mode === 'record') {
  writeFileSync(file, JSON.stringify({ dataVersion: prepared.network.parameters.dataVersion, answers }));
  console.log(`recorded ${answers.length} answers to ${file} (${summary(answers)})`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as { answers: typeof answers };
  let same = 0;
  const differ: number[] = [];
  for (const [i, a] of answers.entries()) {
    const b = before.answers[i];
    if (!b || JSON.stringify(b.query) !== JSON.stringify(a.query)) throw new Error(`question ${i} differs from the recording: another data set?`);
    if (b.answer === a.answer) same++;
    else differ.push(i);
  }
  const total = (l: typeof answers) => Math.round(l.reduce((s, a) => s + a.ms, 0));
  console.log(`${same} of ${answers.length} answers identical (${summary(answers)}); total ${total(before.answers)} ms before, ${total(answers)} ms now`);
  for (const i of differ.slice(0, 20)) {
    console.log(`question ${i}: ${JSON.stringify(answers[i]!.query)}\n  before: ${before.answers[i]!.answer.slice(0, 300)}\n  now:    ${answers[i]!.answer.slice(0, 300)}`);
  }
  process.exitCode = differ.length === 0 ? 0 : 1;
}
