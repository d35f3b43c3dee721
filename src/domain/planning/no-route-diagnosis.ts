/**
 * Why a route question has no answer, and what would give it one: the query
 * is planned again with one constraint relaxed at a time (an avoided country
 * allowed, the avoid lists dropped, lines not yet operational admitted step
 * by step, the other modes allowed, the via places dropped) and, if none of
 * those alone helps, with every line status and every mode at once. Each
 * retry goes through planRoutes, like any question. The retries are bounded
 * in number (MAX_DIAGNOSIS_RETRIES) and in time (DIAGNOSIS_BUDGET_MS, checked
 * between retries), so a question without a route never costs more than a
 * few ordinary ones.
 */
import { DomainError } from '../errors.js';
import type { LinkStatus, Mode } from '../network/schema.js';
import type { PreparedNetwork } from '../routing/prepare.js';
import { WorkBudget, type BudgetLimits } from '../graph/budget.js';
import { planRoutes, type PlanOptions } from '../routing/plan-routes.js';
import type { Route, RouteQuery } from '../routing/route-types.js';

/** Plans again at most this many relaxed questions. */
export const MAX_DIAGNOSIS_RETRIES = 12;
/** Starts no further retry once this much time has gone on retries, ms. */
export const DIAGNOSIS_BUDGET_MS = 1500;

/** Statuses admitted step by step, nearest to running first. */
const STATUS_LADDER: readonly Exclude<LinkStatus, 'operational'>[] = ['under-construction', 'planned', 'proposed', 'suspended'];
const ALL_MODES: readonly Mode[] = ['rail', 'ferry', 'sea', 'road'];

/** The query parameters a relaxation changes. */
export type RelaxedParameter = 'avoidCountries' | 'avoidPlaces' | 'avoidCrossings' | 'avoidCorridors' | 'avoidLinks' | 'include' | 'modes' | 'via';

export interface Relaxation {
  /** Parameters changed, as the query names them. */
  parameters: RelaxedParameter[];
  /** The change in words ("allow IR", "include planned and under-construction lines"). */
  change: string;
  query: RouteQuery;
}

export interface Opening {
  parameters: RelaxedParameter[];
  change: string;
  /** The relaxed values of the changed parameters. */
  values: Partial<Pick<RouteQuery, RelaxedParameter>>;
  /** The best route the relaxed question gets. */
  route: { distanceKm: number; typicalHours: number; countries: readonly string[] };
}

export interface NoRouteDiagnosis {
  /** Relaxations that let a route through, smallest changes first. */
  openings: Opening[];
  /** Relaxed questions planned. */
  tried: number;
  /** False when the retry or time bound stopped the search before every relaxation was tried. */
  complete: boolean;
}

function describeStatuses(statuses: readonly string[]): string {
  return statuses.length === 1 ? `${statuses[0]} lines` : `${statuses.slice(0, -1).join(', ')} and ${statuses.at(-1)} lines`;
}

/** The single relaxations of `q`, smallest changes first, then the widest combined one. */
export function relaxationsOf(q: RouteQuery): Relaxation[] {
  const out: Relaxation[] = [];
  for (const c of q.avoidCountries) {
    out.push({ parameters: ['avoidCountries'], change: `allow ${c}`, query: { ...q, avoidCountries: q.avoidCountries.filter((x) => x !== c) } });
  }
  const lists = ['avoidPlaces', 'avoidCrossings', 'avoidCorridors', 'avoidLinks'] as const;
  for (const name of lists) {
    if (q[name].length > 0) out.push({ parameters: [name], change: `drop ${name} (${q[name].join(', ')})`, query: { ...q, [name]: [] } });
  }
  const include = [...q.include];
  for (const s of STATUS_LADDER) {
    if (include.includes(s)) continue;
    include.push(s);
    const added = include.filter((x) => !q.include.includes(x));
    out.push({ parameters: ['include'], change: `include ${describeStatuses(added)}`, query: { ...q, include: [...include] } });
  }
  for (const m of ALL_MODES) {
    if (!q.modes.includes(m)) out.push({ parameters: ['modes'], change: `allow ${m}`, query: { ...q, modes: [...q.modes, m] } });
  }
  if (q.via.length > 0) out.push({ parameters: ['via'], change: `drop the via places (${q.via.join(', ')})`, query: { ...q, via: [] } });

  // Every status and every mode together: for routes that need both a planned line and a road leg.
  const widest: RouteQuery = { ...q, include: [...new Set([...q.include, ...STATUS_LADDER])], modes: [...new Set([...q.modes, ...ALL_MODES])] };
  if (widest.include.length > q.include.length && widest.modes.length > q.modes.length) {
    out.push({ parameters: ['include', 'modes'], change: 'include lines of every status and allow every mode', query: widest });
  }
  return out;
}

/** Plans relaxed variants of a question that has no route, within the bounds; `plan` is planRoutes unless a test says otherwise. */
export function diagnoseNoRoute(
  prepared: PreparedNetwork,
  q: RouteQuery,
  plan: (p: PreparedNetwork, q: RouteQuery) => Route[] = planRoutes,
  bounds: { maxRetries: number; budgetMs: number } = { maxRetries: MAX_DIAGNOSIS_RETRIES, budgetMs: DIAGNOSIS_BUDGET_MS },
): NoRouteDiagnosis {
  const openings: Opening[] = [];
  const started = performance.now();
  const candidates = relaxationsOf(q);
  let tried = 0;
  let complete = true;
  for (const r of candidates) {
    // The combined relaxation only says something when no single one helped.
    if (r.parameters.length > 1 && openings.length > 0) continue;
    // Once some statuses let a route through, admitting more says nothing new.
    if (r.parameters.length === 1 && r.parameters[0] === 'include' && openings.some((o) => o.parameters.length === 1 && o.parameters[0] === 'include')) continue;
    if (tried >= bounds.maxRetries || performance.now() - started > bounds.budgetMs) {
      complete = false;
      break;
    }
    tried++;
    let best: Route | undefined;
    try {
      // One route is enough to show the way is open.
      best = plan(prepared, { ...r.query, alternatives: 1 })[0];
    } catch (err) {
      if (!(err instanceof DomainError) || (err.code !== 'NO_ROUTE' && err.code !== 'BUDGET_EXCEEDED')) throw err;
      // A relaxed variant too costly for the budget left says nothing either way.
      if (err.code === 'BUDGET_EXCEEDED') complete = false;
    }
    if (best === undefined) continue;
    const values: Opening['values'] = {};
    for (const p of r.parameters) (values as Record<string, unknown>)[p] = r.query[p];
    openings.push({
      parameters: r.parameters,
      change: r.change,
      values,
      route: { distanceKm: best.distanceKm, typicalHours: best.hours.total.typical, countries: best.countries },
    });
  }
  return { openings, tried, complete };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The diagnosis in words, for the error message. */
export function diagnosisSentence(q: RouteQuery, d: NoRouteDiagnosis): string {
  if (d.openings.length === 0) {
    return d.complete
      ? 'No route either with lines of every status, every mode and none of the avoid lists or via places: the places are not connected on this network.'
      : d.tried === 0
        ? 'The question took too long to try relaxed variants of it.'
        : `None of the ${d.tried} relaxed variants tried lets a route through; the search stopped at its bound.`;
  }
  const ways = d.openings.map((o) => `${o.change} (${round1(o.route.distanceKm)} km, ${round1(o.route.typicalHours / 24)} days typical)`);
  const blocked = [...new Set(d.openings.flatMap((o) => o.parameters))].map((p) => constraintInWords(q, p));
  return `It is stopped by ${blocked.join(', ')}. A route goes through if you ${ways.join('; or ')}.`;
}

/** A constraint of the question as a planner reads it ("avoidCountries=IR", "include: operational lines only"). */
function constraintInWords(q: RouteQuery, p: RelaxedParameter): string {
  if (p === 'include') return q.include.length === 0 ? 'include (operational lines only)' : `include=${q.include.join(',')}`;
  return `${p}=${q[p].join(',')}`;
}

/**
 * planRoutes, but a NO_ROUTE error carries its diagnosis: `details.blockedBy`
 * (the parameters whose relaxation lets a route through), `details.wouldRoute`
 * (each such relaxation and the route it gets) and the sentence in the message.
 */
export function planRoutesOrDiagnose(prepared: PreparedNetwork, q: RouteQuery, limits?: BudgetLimits): Route[] {
  const started = performance.now();
  // With limits, the question and each relaxed variant get a work budget; a variant's deadline is what is left of
  // the diagnosis time, so the diagnosis never takes longer than DIAGNOSIS_BUDGET_MS on top of the question.
  const budget = (deadlineMs?: number): PlanOptions =>
    limits === undefined ? {} : { budget: new WorkBudget(deadlineMs === undefined ? limits : { ...limits, deadlineMs: Math.max(1, Math.min(limits.deadlineMs, deadlineMs)) }) };
  try {
    return planRoutes(prepared, q, budget());
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'NO_ROUTE') throw err;
    // A question that took longer than the whole retry budget to fail would take as long again per retry: no diagnosis.
    const d: NoRouteDiagnosis =
      performance.now() - started > DIAGNOSIS_BUDGET_MS
        ? { openings: [], tried: 0, complete: false }
        : diagnoseNoRoute(prepared, q, (p, rq) => planRoutes(p, rq, budget(DIAGNOSIS_BUDGET_MS - (performance.now() - started))));
    throw new DomainError('NO_ROUTE', `${err.message}. ${diagnosisSentence(q, d)}`, {
      ...err.details,
      blockedBy: [...new Set(d.openings.flatMap((o) => o.parameters))],
      wouldRoute: d.openings.map((o) => ({
        parameters: o.parameters,
        change: o.change,
        values: o.values,
        distanceKm: round1(o.route.distanceKm),
        typicalHours: round1(o.route.typicalHours),
        countries: [...o.route.countries],
      })),
      diagnosis: { tried: d.tried, complete: d.complete },
    });
  }
}
