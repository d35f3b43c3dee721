/**
 * Parts of a route answer beyond the route itself: the scenario it was planned
 * on, the overlays applied, CO2 per route and per leg, and the explanation of
 * a route's cost and rank.
 */
import { z } from 'zod';
import { HoursSchema } from './common.js';
import { ObjectiveSchema } from './route-fields.js';

export const ScenarioRefSchema = z
  .object({ id: z.string().describe('Scenario id (GET /v1/scenarios/{id}).'), name: z.string() })
  .meta({ id: 'ScenarioRef', description: 'A named scenario by id and name.', example: { id: 'kz-tm-af-pk-built', name: 'KZ–TM–AF–PK line built' } });

const OVERLAY_KINDS = ['set-crossing-status', 'set-crossing-dwell', 'scale-speed', 'set-link-status', 'build-corridor', 'add-link'] as const;

export const AppliedOverlaySchema = z
  .object({
    source: z.enum(['scenario', 'request']).describe('Whether the overlay came from the named scenario or from the request.'),
    index: z.number().int().describe('Position of the overlay in its list (the scenario\'s or the request\'s), from 0.'),
    kind: z.enum(OVERLAY_KINDS),
    summary: z.string().describe('What the overlay did, in plain words.'),
    linkIds: z.array(z.string()).describe('Links it changed or added.'),
    crossingIds: z.array(z.string()).describe('Crossings it changed or added.'),
  })
  .meta({
    id: 'AppliedOverlay',
    description: 'One overlay applied to the network for this answer.',
    example: {
      source: 'scenario',
      index: 0,
      kind: 'build-corridor',
      summary: 'corridor kz-tm-af-pk built: 5 planned, proposed or under-construction link(s) made operational, 1 planned crossing(s) opened',
      linkIds: ['torghundi--sanobar'],
      crossingIds: ['spin-boldak--chaman--rail'],
    },
  });

const CargoWireSchema = z
  .object({
    unit: z.enum(['tonnes', 'TEU', 'FEU']).describe('How the cargo was given.'),
    count: z.number().describe('How many of `unit`: tonnes, TEU or FEU.'),
    tonnes: z.number().describe('Net cargo mass the figures are for, t.'),
    teu: z.number().nullable().describe('Containers in TEU (FEU × 2); null when the cargo was given in tonnes.'),
    tonnesPerTeu: z.number().nullable().describe('Net t per TEU used; null for tonnes.'),
    defaultLoad: z.boolean().describe('True when tonnesPerTeu is the stated default (GET /v1/info `defaults.tonnesPerTeu`), not given in the request.'),
  })
  .meta({ id: 'Cargo', description: 'The cargo the CO2 figures are for.' });

const ScopesSchema = z.object({
  ttwKgCo2e: z.number().describe('Tank-to-wheel: the vehicles\' own operation (0 for electric traction), kg CO2e.'),
  wttKgCo2e: z.number().describe('Well-to-tank: producing and supplying the fuel or electricity (grid of the country for electric traction), kg CO2e.'),
  wtwKgCo2e: z.number().describe('Well-to-wheel = TTW + WTT, kg CO2e.'),
});

export const RouteCo2Schema = z
  .object({
    kgCo2e: z.number().describe('The headline figure: well-to-wheel CO2e for the whole route and cargo, kg (0.1 kg); the same as `wtwKgCo2e`.'),
    cargoTonnes: z.number().describe('Cargo mass the figures are for, t.'),
    scope: z.enum(['TTW', 'WTW']).describe('Scope of `kgCo2e`: WTW (well-to-wheel) under ISO 14083.'),
    method: z.string().describe('The accounting method.'),
    ...ScopesSchema.shape,
    perTeu: ScopesSchema.nullable().describe('The same per TEU (kg CO2e per TEU); null when the cargo was given in tonnes.'),
    cargo: CargoWireSchema,
    hubs: z
      .array(z.object({ placeId: z.string(), kind: z.enum(['gauge-change', 'port']), factorId: z.string(), ...ScopesSchema.shape }))
      .describe('Terminal emissions counted at gauge changes and ports (only where a hub factor is given).'),
    factorIds: z.array(z.string()).describe('Emission factors used (data/emission-factors.json), in order of first use.'),
    notes: z.array(z.string()).describe('What the figure assumes and leaves out (traction not recorded, grid used, terminals not counted, …).'),
  })
  .meta({
    id: 'RouteCo2',
    description:
      'Greenhouse-gas emissions of the route under ISO 14083 / the GLEC Framework: leg km × cargo t × the factor of the leg\'s mode and traction, ' +
      'as TTW, WTT and WTW, kg CO2e. Electric rail counts the grid of its country (WTT), not 0.',
    example: {
      kgCo2e: 154.6,
      cargoTonnes: 10,
      scope: 'WTW',
      method: 'ISO 14083:2023 / GLEC Framework v3 default-value method',
      ttwKgCo2e: 126.9,
      wttKgCo2e: 27.7,
      wtwKgCo2e: 154.6,
      perTeu: { ttwKgCo2e: 126.9, wttKgCo2e: 27.7, wtwKgCo2e: 154.6 },
      cargo: { unit: 'TEU', count: 1, tonnes: 10, teu: 1, tonnesPerTeu: 10, defaultLoad: true },
      hubs: [],
      factorIds: ['rail-diesel'],
      notes: [],
    },
  });

export const LegCo2Schema = z
  .object({
    kgCo2e: z.number().describe('Well-to-wheel CO2e for this leg and the cargo, kg (0.01 kg).'),
    ...ScopesSchema.shape,
    factorId: z.string().describe('Emission factor used.'),
    traction: z.enum(['diesel', 'electric']).nullable().describe('Rail legs: the traction counted; null for other modes.'),
    tractionKnown: z
      .boolean()
      .nullable()
      .describe('Rail legs: false when the link does not record its electrification and the default (diesel) was used; null for other modes.'),
    grid: z
      .object({
        country: z.string(),
        gCo2ePerKwh: z.number().describe('Grid intensity counted, g CO2e per kWh.'),
        year: z.number().int(),
        fallback: z.boolean().describe('True when the country has no grid figure and the highest listed one was used.'),
      })
      .nullable()
      .describe('Electric rail: the grid whose intensity is counted; null otherwise.'),
  })
  .meta({
    id: 'LegCo2',
    description: 'CO2e of one leg: TTW, WTT and WTW, kg.',
    example: { kgCo2e: 1.77, ttwKgCo2e: 1.45, wttKgCo2e: 0.32, wtwKgCo2e: 1.77, factorId: 'rail-diesel', traction: 'diesel', tractionKnown: false, grid: null },
  });

const COMPONENTS = ['running', 'borderDwell', 'gaugeChange', 'ferry', 'sea', 'transfer', 'terminal'] as const;

export const RouteExplanationSchema = z
  .object({
    objective: ObjectiveSchema.describe('What the ranking minimised.'),
    components: z
      .array(
        z.object({
          component: z.enum(COMPONENTS),
          hours: HoursSchema.describe('Time of this component, h.'),
          share: z.number().describe('Share of the typical transit time (0..1, 0.001).'),
        }),
      )
      .describe('The transit time by cost component: running, border dwell, gauge change, ferry, sea, transfer, terminal.'),
    versusBest: z
      .object({
        typicalHours: z.number().describe('Typical hours minus those of route 1, h.'),
        distanceKm: z.number().describe('Km minus those of route 1, km.'),
        crossings: z.number().int().describe('Border crossings passed minus those of route 1.'),
        borders: z.number().int().describe('Country changes minus those of route 1 (what fewest-borders counts).'),
        components: z
          .array(z.object({ component: z.enum(COMPONENTS), typicalHours: z.number().describe('Difference, h.') }))
          .describe('Components whose typical hours differ from route 1, largest difference first.'),
        causes: z.array(z.enum(COMPONENTS)).describe('Components that make this route slower than route 1, largest first.'),
      })
      .nullable()
      .describe('Difference to route 1; null for route 1 itself.'),
    summary: z.string().describe('Why the route ranks where it does, in one sentence.'),
  })
  .meta({
    id: 'RouteExplanation',
    description: 'Why a route costs what it does and ranks where it does (only with explain=true).',
  });
