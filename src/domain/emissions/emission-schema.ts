/**
 * Shape of data/emission-factors.json: intensities per mode and traction in
 * kg CO2e per tonne-km, split into tank-to-wheel (TTW) and well-to-tank (WTT)
 * as ISO 14083 / the GLEC Framework report them; grid intensities per country
 * for electric traction (g CO2e per kWh); the default cargo per TEU; and hub
 * (terminal, transshipment) factors per tonne handled. Each figure carries its
 * provenance and sources.
 */
import { z } from 'zod';
import { CountrySchema, IdSchema, ModeSchema, ProvenanceSchema, SourceSchema } from '../network/schema.js';

/** TTW: the vehicle's own operation; WTT: producing and supplying its energy; WTW = TTW + WTT. */
export const EmissionScopeSchema = z.enum(['TTW', 'WTT', 'WTW']);

const Year = z.number().int().min(1990).max(2100);

export const EmissionFactorSchema = z
  .object({
    id: IdSchema,
    mode: ModeSchema,
    /** Rail only: which traction the factor is for. */
    traction: z.enum(['diesel', 'electric']).optional(),
    /** Vessel or vehicle class, e.g. "short-sea container ship (≤2,999 TEU)". */
    vehicle: z.string().min(2).optional(),
    /** Tank-to-wheel intensity, kg CO2e per tonne-km (0 for electric traction). */
    ttwKgCo2ePerTkm: z.number().nonnegative(),
    /** Well-to-tank intensity, kg CO2e per tonne-km. Absent: no WTT figure at hand (then the factor cannot be a default). */
    wttKgCo2ePerTkm: z.number().nonnegative().optional(),
    /** Electric traction only: energy drawn per net tonne-km, kWh; WTT = this × the grid intensity of the leg's country. */
    energyKwhPerTkm: z.number().positive().optional(),
    /** Year the figure is for (or published), where stated. */
    year: Year.optional(),
    provenance: ProvenanceSchema,
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
  })
  .refine((f) => (f.mode === 'rail') === (f.traction !== undefined), {
    message: 'rail factors need a traction, other modes have none',
    path: ['traction'],
  })
  .refine((f) => f.traction !== 'electric' || (f.energyKwhPerTkm !== undefined && f.wttKgCo2ePerTkm === undefined), {
    message: 'an electric factor gives energyKwhPerTkm (its WTT comes from the grid of each country), not a fixed wttKgCo2ePerTkm',
    path: ['energyKwhPerTkm'],
  })
  .refine((f) => f.traction === 'electric' || f.energyKwhPerTkm === undefined, {
    message: 'only electric traction takes energyKwhPerTkm',
    path: ['energyKwhPerTkm'],
  });

/** Grid intensity of one country's electricity, g CO2e per kWh. */
export const GridFactorSchema = z.object({
  country: CountrySchema,
  gCo2ePerKwh: z.number().nonnegative(),
  year: Year,
  provenance: ProvenanceSchema,
  sources: z.array(SourceSchema).min(1),
});

/** Emissions of a logistics site per tonne handled: at a gauge change or in a port. */
export const HubFactorSchema = z.object({
  id: IdSchema,
  /** gauge-change: wagons or cargo change gauge; port: cargo moves between ship or ferry and land. */
  kind: z.enum(['gauge-change', 'port']),
  ttwKgCo2ePerTonne: z.number().nonnegative(),
  wttKgCo2ePerTonne: z.number().nonnegative(),
  year: Year.optional(),
  provenance: ProvenanceSchema,
  sources: z.array(SourceSchema).min(1),
});

export const CargoDefaultsSchema = z.object({
  /** Net cargo per loaded TEU when only a container count is given, t. */
  defaultTonnesPerTeu: z.number().positive(),
  /** TEU per FEU (a 40 ft container is 2 TEU by definition). */
  teuPerFeu: z.number().positive(),
  provenance: ProvenanceSchema,
  sources: z.array(SourceSchema).min(1),
});

/** Which factor a route uses for each kind of leg. */
export const EmissionDefaultsSchema = z.object({
  'rail-diesel': IdSchema,
  'rail-electric': IdSchema,
  ferry: IdSchema,
  sea: IdSchema,
  road: IdSchema,
});

export const EmissionFactorsSchema = z.object({
  /** The accounting method, named in every answer. */
  method: z.string().min(10),
  scopeNote: z.string().min(10),
  defaults: EmissionDefaultsSchema,
  defaultsNote: z.string().optional(),
  factors: z.array(EmissionFactorSchema).min(1),
  grid: z.array(GridFactorSchema).min(1),
  gridNote: z.string().optional(),
  cargo: CargoDefaultsSchema,
  hubs: z.array(HubFactorSchema),
  hubsNote: z.string().optional(),
});

export type EmissionScope = z.infer<typeof EmissionScopeSchema>;
export type EmissionFactor = z.infer<typeof EmissionFactorSchema>;
export type GridFactor = z.infer<typeof GridFactorSchema>;
export type HubFactor = z.infer<typeof HubFactorSchema>;
export type CargoDefaults = z.infer<typeof CargoDefaultsSchema>;
export type EmissionDefaults = z.infer<typeof EmissionDefaultsSchema>;
export type EmissionFactors = z.infer<typeof EmissionFactorsSchema>;
export type LegKind = keyof EmissionDefaults;
