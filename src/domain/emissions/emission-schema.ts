/**
 * Shape of data/emission-factors.json: CO2e intensity per mode and traction,
 * kg CO2e per tonne-km, with the scope (TTW or WTW) and provenance of each.
 */
import { z } from 'zod';
import { IdSchema, ModeSchema, ProvenanceSchema, SourceSchema } from '../network/schema.js';

export const EmissionScopeSchema = z.enum(['TTW', 'WTW']);

export const EmissionFactorSchema = z
  .object({
    id: IdSchema,
    mode: ModeSchema,
    /** Rail only: which traction the factor is for. */
    traction: z.enum(['diesel', 'electric']).optional(),
    /** Vessel or vehicle class, e.g. "short-sea container ship (≤2,999 TEU)". */
    vehicle: z.string().min(2).optional(),
    kgCo2ePerTkm: z.number().nonnegative(),
    scope: EmissionScopeSchema,
    provenance: ProvenanceSchema,
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
  })
  .refine((f) => (f.mode === 'rail') === (f.traction !== undefined), {
    message: 'rail factors need a traction, other modes have none',
    path: ['traction'],
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
  /** The scope every factor in the set shares, so route totals add like with like. */
  scope: EmissionScopeSchema,
  scopeNote: z.string().min(10),
  defaults: EmissionDefaultsSchema,
  defaultsNote: z.string().optional(),
  factors: z.array(EmissionFactorSchema).min(1),
});

export type EmissionScope = z.infer<typeof EmissionScopeSchema>;
export type EmissionFactor = z.infer<typeof EmissionFactorSchema>;
export type EmissionDefaults = z.infer<typeof EmissionDefaultsSchema>;
export type EmissionFactors = z.infer<typeof EmissionFactorsSchema>;
export type LegKind = keyof EmissionDefaults;
