/**
 * Why each route costs what it does and ranks where it does: the transit time
 * split by component, and for every alternative its difference to the best
 * route (typical hours, km, crossings, borders) with the components that make
 * it. Pure: works on planRoutes' answer, best route first.
 */
import { bordersAlong } from '../routing/borders.js';
import type { Hours, Objective, Route } from '../routing/route-types.js';

export const COST_COMPONENTS = ['running', 'borderDwell', 'gaugeChange', 'ferry', 'sea', 'transfer', 'terminal'] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];

const LABEL: Record<CostComponent, string> = {
  running: 'running',
  borderDwell: 'border dwell',
  gaugeChange: 'gauge change',
  ferry: 'ferry',
  sea: 'sea',
  transfer: 'transfer',
  terminal: 'terminal and yard',
};

export interface ComponentCost {
  component: CostComponent;
  hours: Hours;
  /** Share of the route's typical hours (0..1). */
  share: number;
}

export interface ComponentDelta {
  component: CostComponent;
  /** Typical hours of this route minus those of the best route, h. */
  hours: number;
}

export interface VersusBest {
  /** Typical hours minus the best route's, h. */
  hours: number;
  /** Km minus the best route's, km. */
  km: number;
  /** Border crossing records passed minus the best route's. */
  crossings: number;
  /** Country changes minus the best route's (what fewest-borders minimises). */
  borders: number;
  /** Components whose typical hours differ from the best route's, largest difference first. */
  components: ComponentDelta[];
  /** Components that make this route slower than the best, largest first. */
  causes: CostComponent[];
}

export interface RouteExplanation {
  rank: number;
  objective: Objective;
  components: ComponentCost[];
  /** null for the best route. */
  versusBest: VersusBest | null;
  /** One sentence saying why the route ranks where it does. */
  summary: string;
}

/** Differences below this are rounding noise in answers shown to 0.1 h / 0.1 km. */
const EPSILON = 0.05;

const fmt = (n: number): string => (Math.round(Math.abs(n) * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Borders crossed by the route (routing/borders.ts). */
export function bordersOf(route: Route): number {
  return bordersAlong(route.countries);
}

function componentCosts(route: Route): ComponentCost[] {
  const total = route.hours.total.typical;
  return COST_COMPONENTS.map((c) => ({
    component: c,
    hours: route.hours[c],
    share: total > 0 ? route.hours[c].typical / total : 0,
  }));
}

function versusBest(route: Route, best: Route): VersusBest {
  const components = COST_COMPONENTS.map((c) => ({ component: c, hours: route.hours[c].typical - best.hours[c].typical }))
    .filter((d) => Math.abs(d.hours) >= EPSILON)
    .sort((a, b) => Math.abs(b.hours) - Math.abs(a.hours));
  return {
    hours: route.hours.total.typical - best.hours.total.typical,
    km: route.distanceKm - best.distanceKm,
    crossings: route.crossings.length - best.crossings.length,
    borders: bordersOf(route) - bordersOf(best),
    components,
    causes: components.filter((d) => d.hours > 0).map((d) => d.component),
  };
}

function signed(n: number, unit: string, more: string, less: string): string {
  return `${fmt(n)} ${unit} ${n > 0 ? more : less}`;
}

/** "border dwell +6 h, gauge change +4 h; offset by running −2.5 h" */
function componentWords(v: VersusBest): string {
  const up = v.components.filter((d) => d.hours > 0).map((d) => `${LABEL[d.component]} +${fmt(d.hours)} h`);
  const down = v.components.filter((d) => d.hours < 0).map((d) => `${LABEL[d.component]} −${fmt(d.hours)} h`);
  if (up.length === 0 && down.length === 0) return 'no component differs';
  if (up.length === 0) return `it saves ${down.join(', ')}`;
  return down.length === 0 ? `caused by ${up.join(', ')}` : `caused by ${up.join(', ')}, partly offset by ${down.join(', ')}`;
}

function timeWords(v: VersusBest): string {
  if (Math.abs(v.hours) < EPSILON) return 'as fast as route 1';
  return `${signed(v.hours, 'h', 'slower', 'faster')} than route 1 (typical), ${componentWords(v)}`;
}

function kmWords(v: VersusBest): string {
  return Math.abs(v.km) < EPSILON ? 'the same length' : signed(v.km, 'km', 'longer', 'shorter');
}

function crossingWords(v: VersusBest): string {
  if (v.crossings === 0) return 'the same number of border crossings';
  return `${Math.abs(v.crossings)} ${v.crossings > 0 ? 'more' : 'fewer'} border crossing${Math.abs(v.crossings) === 1 ? '' : 's'}`;
}

function summaryOf(rank: number, objective: Objective, route: Route, v: VersusBest | null): string {
  if (v === null) {
    const what =
      objective === 'fastest'
        ? `fastest at ${fmt(route.hours.total.typical)} h typical`
        : objective === 'shortest'
          ? `shortest at ${fmt(route.distanceKm)} km`
          : `fewest borders (${bordersOf(route)}), fastest among those at ${fmt(route.hours.total.typical)} h typical`;
    const main = componentCosts(route)
      .filter((c) => c.share >= 0.005)
      .sort((a, b) => b.share - a.share)
      .map((c) => `${LABEL[c.component]} ${Math.round(c.share * 100)} %`);
    return `Route 1 is the ${what}; its time is ${main.join(', ') || 'nil'}.`;
  }
  const head = `Route ${rank} ranks ${rank}`;
  if (objective === 'shortest') {
    return `${head}: ${kmWords(v)} than route 1; ${timeWords(v)}; ${crossingWords(v)}.`;
  }
  if (objective === 'fewest-borders' && v.borders !== 0) {
    return `${head}: ${Math.abs(v.borders)} ${v.borders > 0 ? 'more' : 'fewer'} border${Math.abs(v.borders) === 1 ? '' : 's'} than route 1; ${timeWords(v)}; ${kmWords(v)}.`;
  }
  const lead = objective === 'fewest-borders' ? 'as many borders as route 1 and ' : '';
  return `${head}: ${lead}${timeWords(v)}; ${kmWords(v)}; ${crossingWords(v)}.`;
}

/** One explanation per route, in the order given (best first). */
export function explainRoutes(routes: readonly Route[], objective: Objective): RouteExplanation[] {
  const best = routes[0];
  if (!best) return [];
  return routes.map((route, i) => {
    const v = i === 0 ? null : versusBest(route, best);
    return { rank: i + 1, objective, components: componentCosts(route), versusBest: v, summary: summaryOf(i + 1, objective, route, v) };
  });
}
