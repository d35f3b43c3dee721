/**
 * Overlays: small, declarative edits of the network used for "what if"
 * planning (a line built, a border closed, a slower section). Named scenarios
 * in data/scenarios/ are lists of overlays; a request may add its own.
 * Shape only here; whether the ids exist is checked in apply-overlays.ts.
 */
import { z } from 'zod';
import { GaugeSchema, HandlingSchema, IdSchema, LinkStatusSchema } from '../network/schema.js';

/** A low / typical / high triple without provenance: the request or scenario states it. */
export const PlainRangeSchema = z
  .object({
    low: z.number().nonnegative(),
    typical: z.number().nonnegative(),
    high: z.number().nonnegative(),
  })
  .refine((r) => r.low <= r.typical && r.typical <= r.high, {
    message: 'low <= typical <= high must hold',
    path: ['typical'],
  });

const PositiveRangeSchema = z
  .object({
    low: z.number().positive(),
    typical: z.number().positive(),
    high: z.number().positive(),
  })
  .refine((r) => r.low <= r.typical && r.typical <= r.high, {
    message: 'low <= typical <= high must hold',
    path: ['typical'],
  });

export const SetCrossingStatusSchema = z.object({
  kind: z.literal('set-crossing-status'),
  crossingId: IdSchema,
  status: z.enum(['open', 'restricted', 'closed']),
});

export const SetCrossingDwellSchema = z.object({
  kind: z.literal('set-crossing-dwell'),
  crossingId: IdSchema,
  /** Border dwell, h; replaces every entry (all directions) of the crossing. */
  hours: PlainRangeSchema,
});

export const ScaleSpeedSchema = z
  .object({
    kind: z.literal('scale-speed'),
    /** Exactly one of linkId and country. */
    linkId: IdSchema.optional(),
    /** ISO code: every rail and road link with at least one end in this country. */
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "KZ"').optional(),
    /** Multiplies the speed, km/h (1.2 = 20 % faster). */
    factor: z.number().positive().max(100),
  })
  .refine((o) => (o.linkId === undefined) !== (o.country === undefined), {
    message: 'give exactly one of linkId and country',
    path: ['linkId'],
  });

export const SetLinkStatusSchema = z.object({
  kind: z.literal('set-link-status'),
  linkId: IdSchema,
  status: LinkStatusSchema,
});

export const BuildCorridorSchema = z.object({
  kind: z.literal('build-corridor'),
  corridorId: IdSchema,
});

/** Border crossing to create with a hypothetical link whose ends are in two countries. */
export const AddLinkCrossingSchema = z
  .object({
    /** Border dwell, h. */
    dwellHours: PlainRangeSchema,
    handling: HandlingSchema.default('none'),
    /** Gauge change time, h; required when handling is not "none". */
    gaugeChangeHours: PlainRangeSchema.optional(),
    /** Gauges on the `from` and `to` side, mm; default: the link's gauge on both sides. */
    gauges: z.tuple([GaugeSchema, GaugeSchema]).optional(),
    status: z.enum(['open', 'restricted', 'closed']).default('open'),
  })
  .refine((c) => c.handling === 'none' || c.gaugeChangeHours !== undefined, {
    message: 'gaugeChangeHours is required when handling is not "none"',
    path: ['gaugeChangeHours'],
  });

export const AddLinkSchema = z
  .object({
    kind: z.literal('add-link'),
    /** Default: "<from>--<to>--hypothetical". */
    id: IdSchema.optional(),
    from: IdSchema,
    to: IdSchema,
    mode: z.enum(['rail', 'road']),
    lengthKm: z.number().positive().max(10000),
    gaugeMm: GaugeSchema.optional(),
    /** Commercial speed, km/h: one number for all three, or low / typical / high. */
    speedKmh: z.union([z.number().positive().max(400), PositiveRangeSchema]),
    electrified: z.boolean().optional(),
    status: LinkStatusSchema.default('operational'),
    corridors: z.array(IdSchema).default([]),
    crossing: AddLinkCrossingSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.mode === 'rail' && o.gaugeMm === undefined) ctx.addIssue({ code: 'custom', message: 'a rail link needs gaugeMm', path: ['gaugeMm'] });
    if (o.mode !== 'rail' && o.gaugeMm !== undefined) ctx.addIssue({ code: 'custom', message: 'only rail links have a gauge', path: ['gaugeMm'] });
    if (o.from === o.to) ctx.addIssue({ code: 'custom', message: 'a link cannot end where it starts', path: ['to'] });
  });

export const OverlaySchema = z.discriminatedUnion('kind', [
  SetCrossingStatusSchema,
  SetCrossingDwellSchema,
  ScaleSpeedSchema,
  SetLinkStatusSchema,
  BuildCorridorSchema,
  AddLinkSchema,
]);

export const OverlayListSchema = z.array(OverlaySchema).max(200);

/** What a caller writes (defaults not yet filled in). */
export type OverlayInput = z.input<typeof OverlaySchema>;
export type Overlay = z.infer<typeof OverlaySchema>;
export type OverlayKind = Overlay['kind'];

/** What one overlay did, for the response and for logs. */
export interface AppliedOverlay {
  index: number;
  kind: OverlayKind;
  /** One line in plain words, e.g. "crossing spin-boldak--chaman--rail: planned → open". */
  summary: string;
  linkIds: readonly string[];
  crossingIds: readonly string[];
}
