/**
 * Reference router for property tests: enumerates every loopless place path
 * (every choice of link per hop) and prices it leg by leg, without the state
 * graph. Reuses only the transit model (link hours, dwell, transitions at a
 * place), which has its own known-answer tests.
 */
import type { Crossing, Link, Network } from '../../../src/domain/network/schema.js';
import { linkHours } from '../../../src/domain/transit/link-hours.js';
import { crossingDwell } from '../../../src/domain/transit/crossing-dwell.js';
import { legState, transitionAt } from '../../../src/domain/transit/place-transition.js';
import type { RouteQuery } from '../../../src/domain/routing/route-types.js';

export interface BrutePath {
  /** "linkId>to" per leg: the key a route is compared by. */
  key: string;
  places: string[];
  cost: number;
}

export function crossingOf(net: Network, l: Link): Crossing | undefined {
  return net.crossings.find((c) => c.modes.includes(l.mode) && c.places.includes(l.from) && c.places.includes(l.to));
}

export function linkAllowed(net: Network, q: Omit<RouteQuery, 'from' | 'to' | 'via' | 'objective' | 'alternatives' | 'maxOverlap'>, l: Link): boolean {
  const country = (id: string) => net.places.find((p) => p.id === id)!.country;
  if (l.status !== 'operational' && !q.include.includes(l.status as never)) return false;
  if (!q.modes.includes(l.mode) || q.avoidLinks.includes(l.id)) return false;
  if (l.corridors.some((c) => q.avoidCorridors.includes(c))) return false;
  for (const p of [l.from, l.to]) if (q.avoidPlaces.includes(p) || q.avoidCountries.includes(country(p))) return false;
  const c = crossingOf(net, l);
  if (c && (c.status === 'closed' || q.avoidCrossings.includes(c.id))) return false;
  return true;
}

/** Every loopless path from q.from to q.to through q.via in order, priced by q.objective, cheapest first. */
export function bruteForce(net: Network, q: RouteQuery): BrutePath[] {
  const place = new Map(net.places.map((p) => [p.id, p]));
  const allowed = net.links.filter((l) => linkAllowed(net, q, l));
  const out: BrutePath[] = [];
  const legs: { link: Link; from: string; to: string }[] = [];
  const visited = new Set<string>([q.from]);

  const price = (): number | null => {
    let hours = 0;
    let km = 0;
    let borders = 0;
    for (let i = 0; i < legs.length; i++) {
      const { link, from, to } = legs[i]!;
      const fc = place.get(from)!.country;
      const tc = place.get(to)!.country;
      hours += linkHours(link, net.parameters, fc).typical;
      km += link.lengthKm;
      if (fc !== tc) borders++;
      const c = crossingOf(net, link);
      if (c) {
        const [c0, c1] = c.places[0] === from ? c.countries : [c.countries[1], c.countries[0]];
        hours += crossingDwell(c, c0, c1).typical;
      }
      if (i > 0) {
        const prev = legs[i - 1]!.link;
        const at = place.get(from)!;
        // Crossings the two legs pass: a gauge change their dwell already contains adds nothing.
        const passed = [crossingOf(net, prev), crossingOf(net, link)].flatMap((x) => (x ? [x.id] : []));
        const t = transitionAt(at, net.crossings.filter((x) => x.places.includes(from)), net.parameters, legState(prev.mode, prev.gaugeMm), legState(link.mode, link.gaugeMm), passed);
        if (t === null) return null;
        hours += t.hours.typical;
      }
    }
    return q.objective === 'fastest' ? hours : q.objective === 'shortest' ? km : borders * 1e6 + hours;
  };

  const walk = (at: string): void => {
    if (at === q.to) {
      const places = [q.from, ...legs.map((l) => l.to)];
      let pos = -1;
      for (const v of q.via) {
        const i = places.indexOf(v);
        if (i <= pos) return;
        pos = i;
      }
      const cost = price();
      if (cost !== null) out.push({ key: legs.map((l) => `${l.link.id}>${l.to}`).join(' '), places, cost });
      return;
    }
    for (const link of allowed) {
      const next = link.from === at ? link.to : link.to === at ? link.from : undefined;
      if (next === undefined || visited.has(next)) continue;
      visited.add(next);
      legs.push({ link, from: at, to: next });
      walk(next);
      legs.pop();
      visited.delete(next);
    }
  };
  walk(q.from);
  return out.sort((a, b) => a.cost - b.cost);
}
