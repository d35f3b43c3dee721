/** Defaults for a route query and the limits that keep one query cheap. */
import type { RouteQuery } from './route-types.js';

export const DEFAULT_QUERY: Readonly<Omit<RouteQuery, 'from' | 'to'>> = {
  via: [],
  objective: 'fastest',
  include: [],
  // Road only when asked: it is the Afghan railheads' onward leg, not a rail corridor.
  modes: ['rail', 'ferry', 'sea'],
  // A hop no shipping line serves is not a route a planner can book.
  allowUnscheduled: false,
  alternatives: 1,
  maxOverlap: 0.8,
  avoidCountries: [],
  avoidPlaces: [],
  avoidCrossings: [],
  avoidCorridors: [],
  avoidLinks: [],
};

export const LIMITS = Object.freeze({
  /** Routes returned per query (best included). */
  maxAlternatives: 5,
  /** Intermediate places per query. */
  maxVia: 5,
  /**
   * Loopless paths examined when looking for alternatives that pass the overlap
   * filter (the k-shortest enumeration is exact; this only bounds the scan).
   */
  maxCandidatesScanned: 20,
});
