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

export const RouteCo2Schema = z
  .object({
    kgCo2e: z.number().describe('CO2 equivalent for the whole route and cargo, kg (0.1 kg).'),
    cargoTonnes: z.number().describe('Cargo mass the figure is for, t.'),
    scope: z.enum(['TTW', 'WTW']).describe('TTW: tank-to-wheel (fuel burnt on the way); WTW adds fuel and power production.'),
    factorIds: z.array(z.string()).describe('Emission factors used (data/emission-factors.json), in order of first use.'),
    notes: z.array(z.string()).describe('Assumptions behind the figure (electrification unknown, factors from other regions, …).'),
  })
  .meta({
    id: 'RouteCo2',
    description: 'CO2 of the route: leg km × cargo t × the factor of the leg\'s mode and traction, kg CO2e.',
    example: { kgCo2e: 134.2, cargoTonnes: 1, scope: 'TTW', factorIds: ['rail-diesel'], notes: [] },
  });

export const LegCo2Schema = z
  .object({
    kgCo2e: z.number().describe('CO2 equivalent for this leg and the cargo, kg (0.01 kg).'),
    factorId: z.string().describe('Emission factor used.'),
  })
  .meta({ id: 'LegCo2', description: 'CO2 of one leg, kg CO2e.', example: { kgCo2e: 1.77, factorId: 'rail-diesel' } });

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
