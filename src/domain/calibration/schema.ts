/**
 * A calibration record: one published service on one lane, the figure as the
 * source states it, and where in the model's low / typical / high band it must
 * fall (see src/domain/transit/README.md for what the band means).
 */
import { z } from 'zod';
import { IdSchema, SourceSchema } from '../network/schema.js';

/**
 * - schedule: an advertised or timetabled time of a regular service;
 * - express: the best advertised (or record) service;
 * - observed: a time reported after the fact;
 * - claim: a promise or a round figure by an official; recorded, not checked.
 */
export const ServiceKindSchema = z.enum(['schedule', 'express', 'observed', 'claim']);

/**
 * Where the published figure must fall against the model's band (h):
 * - below-low: at or under the model's low (a passenger train, which no freight train beats);
 * - low-typical: between low and typical (an express);
 * - low-high: between low and high (a regular schedule, an observed run);
 * - none: not checked (claims).
 */
export const BandPartSchema = z.enum(['below-low', 'low-typical', 'low-high', 'none']);

/**
 * What part of the model's time the figure is compared with:
 * - route: the whole route, terminal to terminal (the route's total);
 * - from-origin: the route less the destination terminal (a delivery time "until
 *   arrival", or a run that ends at a border point where the train goes on);
 * - route-without-waits: the route less the waiting for a ferry departure or a
 *   sailing (a liner's or ferry's transit time counts from the sailing);
 * - departure-to-arrival: the train's own time, a timetable: the route less the
 *   origin and destination terminals and the waits (yards, ports and borders on
 *   the way stay in);
 * - sailing: the time at sea of the route's ferry and sea legs alone.
 */
export const ScopeSchema = z.enum(['route', 'from-origin', 'route-without-waits', 'departure-to-arrival', 'sailing']);

export const CalibrationRecordSchema = z
  .object({
    id: IdSchema,
    /** What ran, in a few words ("express freight train, three times a week"). */
    service: z.string().min(3),
    lane: z.object({
      from: IdSchema,
      to: IdSchema,
      /** Places the service is known to pass, when the fastest route would not. */
      via: z.array(IdSchema).default([]),
      /** Links the service does not use (e.g. the other ferry of a port pair). */
      avoidLinks: z.array(IdSchema).default([]),
    }),
    figure: z
      .object({
        /** The figure exactly as the source states it. */
        stated: z.string().min(1),
        /** The stated value (low = high for a single figure) in `unit`. */
        low: z.number().positive(),
        high: z.number().positive(),
        unit: z.enum(['h', 'days']),
      })
      .refine((f) => f.low <= f.high, { message: 'low <= high must hold', path: ['high'] }),
    kind: ServiceKindSchema,
    scope: ScopeSchema.default('route'),
    band: BandPartSchema,
    /** Year or date the figure was published or achieved. */
    asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
    /** Where the figure is published: citations of data/sources.json, as every record of the data set has. */
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
    /** A service the model is allowed to miss, with the reason; the table still shows the verdict. */
    exception: z.object({ reason: z.string().min(10) }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'claim' && r.band !== 'none') ctx.addIssue({ code: 'custom', message: 'a claim is recorded, not checked: band must be "none"', path: ['band'] });
    if (r.kind !== 'claim' && r.band === 'none') ctx.addIssue({ code: 'custom', message: `a ${r.kind} figure must name the band part it falls in`, path: ['band'] });
    if (r.lane.from === r.lane.to) ctx.addIssue({ code: 'custom', message: 'a lane cannot end where it starts', path: ['lane', 'to'] });
  });

export type CalibrationRecord = z.infer<typeof CalibrationRecordSchema>;
export type ServiceKind = z.infer<typeof ServiceKindSchema>;
export type BandPart = z.infer<typeof BandPartSchema>;
