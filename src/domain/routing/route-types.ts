/**
 * What the routing core takes and gives back. Shared by the router and by the
 * HTTP layer, which maps these shapes to its wire schemas.
 */
import type { Gauge, Handling, LinkStatus, Mode, Source } from '../network/schema.js';

export type Objective = 'fastest' | 'shortest' | 'fewest-borders';

/** Hours as low / typical / high. */
export interface Hours {
  low: number;
  typical: number;
  high: number;
}

export interface RouteQuery {
  /** Place ids, already resolved from names, aliases or UN/LOCODEs. */
  from: string;
  to: string;
  /** Ordered intermediate place ids. */
  via: readonly string[];
  objective: Objective;
  /** Link statuses allowed besides `operational` (e.g. planned lines for a scenario). */
  include: readonly Exclude<LinkStatus, 'operational'>[];
  /** Modes allowed; rail, ferry and sea by default, road only when asked. */
  modes: readonly Mode[];
  /** Whether ferry and sea links without scheduled sailings (on demand or none) may be used; each such leg is warned about. */
  allowUnscheduled: boolean;
  /** Number of routes wanted (1 = best only). */
  alternatives: number;
  /** An alternative sharing more than this share of its km with a better route is dropped (0..1). */
  maxOverlap: number;
  avoidCountries: readonly string[];
  avoidPlaces: readonly string[];
  avoidCrossings: readonly string[];
  avoidCorridors: readonly string[];
  avoidLinks: readonly string[];
}

export interface RouteLeg {
  linkId: string;
  from: string;
  to: string;
  mode: Mode;
  km: number;
  /** Moving time on this link: running for rail/road, crossing + wait + handling for ferry, sailing + handling for sea. */
  hours: Hours;
  gaugeMm?: Gauge;
  status: LinkStatus;
  corridors: readonly string[];
  sources: readonly Source[];
  /** True when the length or the speed used is an estimate. */
  estimated: boolean;
}

export interface RouteCrossing {
  crossingId: string;
  name: string;
  /** Border points in travel order. */
  from: string;
  to: string;
  /** Countries in travel order. */
  countries: readonly [string, string];
  dwellHours: Hours;
  /** `hours` is the facility's time; with `includedInDwell` it is already part of dwellHours and not added again. */
  gaugeChange: { fromGaugeMm: Gauge; toGaugeMm: Gauge; handling: Handling; hours: Hours; includedInDwell?: true } | null;
  status: string;
}

export interface GaugeBreak {
  /** Place where the wagons or the cargo change gauge. */
  placeId: string;
  fromGaugeMm: Gauge;
  toGaugeMm: Gauge;
  handling: Handling;
  /** The facility's time for the change, h. Added to the route's gaugeChange hours unless `includedInDwell`. */
  hours: Hours;
  /** Set when the break is handled as part of a border crossing. */
  crossingId?: string;
  /**
   * Set when that crossing's dwell already contains the change (e.g. CPMM TFI1):
   * `hours` is then for information and the route's gaugeChange hours get 0 for it.
   */
  includedInDwell?: true;
}

export interface ModeTransfer {
  placeId: string;
  fromMode: Mode;
  toMode: Mode;
  hours: Hours;
  /** True when the change is a port's rail terminal: its hours count in the `terminal` component, not `transfer`. */
  terminal?: true;
}

/** Terminal and yard time a route spends at one place: where it starts or ends by rail, or a marshalling yard passed. */
export interface TerminalStop {
  placeId: string;
  kind: 'origin' | 'destination' | 'yard';
  hours: Hours;
}

export interface RouteWarning {
  code:
    | 'NON_OPERATIONAL_LINK'
    | 'ESTIMATED_FIGURE'
    | 'RESTRICTED_CROSSING'
    | 'PLANNED_CROSSING'
    | 'ROAD_LEG'
    | 'UNSCHEDULED_LEG'
    | 'SERVICE_UNKNOWN'
    | 'EXPECTED_OPENING';
  message: string;
  /** Ids of the links, crossings or places the warning is about. */
  refs: readonly string[];
}

/** Time split by component; the components add up to `total`. */
export interface HoursBreakdown {
  total: Hours;
  running: Hours;
  borderDwell: Hours;
  gaugeChange: Hours;
  ferry: Hours;
  sea: Hours;
  transfer: Hours;
  /** Terminal time where the route starts and ends by rail, and marshalling yards passed. */
  terminal: Hours;
}

export interface Route {
  /** Place ids in travel order, from first to last. */
  places: readonly string[];
  legs: readonly RouteLeg[];
  crossings: readonly RouteCrossing[];
  gaugeBreaks: readonly GaugeBreak[];
  transfers: readonly ModeTransfer[];
  /** Origin, destination and yard terminal time; with the terminal transfers they make up `hours.terminal`. */
  terminals: readonly TerminalStop[];
  distanceKm: number;
  distanceKmByMode: Readonly<Partial<Record<Mode, number>>>;
  hours: HoursBreakdown;
  /** ISO codes in travel order, without repeats next to each other. */
  countries: readonly string[];
  corridors: readonly { id: string; km: number }[];
  warnings: readonly RouteWarning[];
  /** The cost the objective minimised (hours, km, or crossings then hours), for ranking. */
  cost: number;
  /** Index of the via-stretch each leg belongs to (0 for the first stretch). */
  legStretch: readonly number[];
}
