/**
 * What each route-planning parameter means, shared by the GET query (comma
 * lists in strings) and the POST body (JSON arrays), so both read the same in
 * the documentation and take the same defaults and limits as the router.
 */
import { z } from 'zod';
import { COORDINATE_SNAP_KM } from '../../domain/network/place-index.js';
import { DEFAULT_QUERY, LIMITS } from '../../domain/routing/defaults.js';

export const OBJECTIVES = ['fastest', 'shortest', 'fewest-borders'] as const;
export const INCLUDABLE_STATUSES = ['under-construction', 'planned', 'proposed', 'suspended'] as const;
export const MODES = ['rail', 'ferry', 'sea', 'road'] as const;
export const GEOMETRIES = ['geojson', 'polyline'] as const;

export const DESCRIPTIONS = {
  from:
    'Origin: a place id, name, alias or UN/LOCODE. Case, accents and punctuation are ignored ("almaty", "Almaty-1", "ALMATY"). ' +
    `Or coordinates "lat,lon" in decimal degrees ("43.26,76.93"): the nearest place (not a junction) within ${COORDINATE_SNAP_KM} km is used, and the answer says which and how far.`,
  to: `Destination: a place id, name, alias or UN/LOCODE ("Karachi", "PKKHI"), or coordinates "lat,lon" (nearest place within ${COORDINATE_SNAP_KM} km).`,
  objective:
    'What to minimise: `fastest` (typical hours), `shortest` (km) or `fewest-borders` (border crossings, then typical hours).',
  include:
    'Link statuses to use besides `operational`, for scenarios with lines not yet running: ' +
    `${INCLUDABLE_STATUSES.join(', ')}. Routes over such links carry a NON_OPERATIONAL_LINK warning.`,
  modes: `Transport modes allowed: ${MODES.join(', ')}. Road is used only when asked for (e.g. beyond a railhead).`,
  allowUnscheduled:
    'Also use ferry and sea links without scheduled sailings (service on-demand or none), e.g. Gwadar – Chabahar. ' +
    'Off by default; each such leg carries an UNSCHEDULED_LEG warning.',
  via: `Places the route must pass, in order (ids, names, aliases, UN/LOCODEs or coordinates "lat,lon"); at most ${LIMITS.maxVia}.`,
  geometry:
    'Form of each route\'s `geometry` in the JSON answer: `geojson` (default, a LineString) or `polyline` ' +
    '(an encoded polyline string, Google\'s algorithm at precision 5 (1e-5 degrees), latitude first, as OSRM and Valhalla give). GeoJSON and CSV answers are not affected.',
  alternatives: `Number of routes wanted, best first (1 = best only); at most ${LIMITS.maxAlternatives}. Fewer come back when no more distinct routes exist.`,
  maxOverlap:
    'An alternative sharing more than this share (0..1) of its km with a better route is dropped as a near-copy.',
  avoidCountries: 'Countries not to enter, as ISO 3166-1 alpha-2 codes (e.g. IR).',
  avoidPlaces: 'Places not to pass (ids, names, aliases or UN/LOCODEs).',
  avoidCrossings: 'Border crossings not to use, by crossing id.',
  avoidCorridors: 'Corridors whose links must not be used, by corridor id.',
  avoidLinks: 'Links not to use, by link id.',
} as const;

/** An id as the data set writes them (lowercase slug, `--` between two place ids). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$/;
export const COUNTRY_PATTERN = /^[A-Za-z]{2}$/;

export const ObjectiveSchema = z.enum(OBJECTIVES);
export const IncludableStatusSchema = z.enum(INCLUDABLE_STATUSES);
export const ModeSchema = z.enum(MODES);
export const GeometrySchema = z.enum(GEOMETRIES).default('geojson').meta({ description: DESCRIPTIONS.geometry });

/** A place reference as typed by a user: free text, resolved later against the place index. */
export const PlaceRefInputSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'expected a string') })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'at most 200 characters');

export const DEFAULTS = {
  objective: DEFAULT_QUERY.objective,
  include: [...DEFAULT_QUERY.include],
  modes: [...DEFAULT_QUERY.modes],
  allowUnscheduled: DEFAULT_QUERY.allowUnscheduled,
  alternatives: DEFAULT_QUERY.alternatives,
  maxOverlap: DEFAULT_QUERY.maxOverlap,
};
