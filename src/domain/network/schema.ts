/**
 * The shape of the data set under data/. One zod schema per record kind.
 * Shape only: cross-record rules (unique ids, references, geometry, gauge
 * changes) live in validate-references.ts, because they need the whole set.
 */
import { z } from 'zod';
import { SourceIdSchema, type SourceEntry } from './source-register.js';

/**
 * A citation: which register entry (data/sources.json) a figure comes from and
 * what that source states for this record. The register holds the address,
 * title, publisher and dates; the record holds only the id and the statement.
 */
const CitationObjectSchema = z.strictObject({
  /** Id of an entry of data/sources.json. */
  source: SourceIdSchema,
  /** Where in the source, when it matters: a section, table or page ("§7", "Table 3.8"). */
  locator: z.string().min(1).optional(),
  /** The figure or sentence as stated by the source, for this record. */
  statement: z.string().min(3),
});

/** An inline citation ({ address, statement }) is the old form: the message says how to convert it. */
export const SourceSchema = z
  .unknown()
  .superRefine((v, ctx) => {
    if (v !== null && typeof v === 'object' && 'address' in v) {
      const address = typeof v.address === 'string' ? ` "${v.address}"` : '';
      ctx.addIssue({
        code: 'custom',
        message: `inline citation${address}: cite a data/sources.json id as { "source": id, "statement": … } (scripts/migrate-sources.ts converts it)`,
      });
    }
  })
  .pipe(CitationObjectSchema);

/**
 * How a figure was obtained.
 * - sourced: published as is by the cited sources;
 * - derived: arithmetic on sourced figures (method says which);
 * - estimate: not published; method says how it was estimated.
 */
export const BasisSchema = z.enum(['sourced', 'derived', 'estimate']);

/** Provenance of one figure. `method` is required unless the figure is sourced as is. */
export const ProvenanceSchema = z
  .object({
    basis: BasisSchema,
    method: z.string().min(3).optional(),
    /** When sources disagree: every published value and why this one was chosen. */
    conflict: z
      .object({
        values: z.array(z.string().min(1)).min(2),
        resolution: z.string().min(3),
      })
      .optional(),
  })
  .refine((p) => p.basis === 'sourced' || p.method !== undefined, {
    message: 'a derived or estimated figure must state its method',
    path: ['method'],
  });

/** A low / typical / high triple with its provenance. Units are in the field name that holds it. */
export const RangeSchema = z
  .object({
    low: z.number().nonnegative(),
    typical: z.number().nonnegative(),
    high: z.number().nonnegative(),
    provenance: ProvenanceSchema,
  })
  .refine((r) => r.low <= r.typical && r.typical <= r.high, {
    message: 'low <= typical <= high must hold',
    path: ['typical'],
  });

/** Like RangeSchema but strictly positive: used for speeds, which divide. */
export const SpeedRangeSchema = z
  .object({
    low: z.number().positive(),
    typical: z.number().positive(),
    high: z.number().positive(),
    provenance: ProvenanceSchema,
  })
  .refine((r) => r.low <= r.typical && r.typical <= r.high, {
    message: 'low <= typical <= high must hold',
    path: ['typical'],
  });

/** ISO date, day or month or year precision: 2025-07-10, 2025-07 or 2025. */
export const AsOfSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/** A month of opening: YYYY-MM (month 01–12) or YYYY, which counts as the December of that year. */
export const OpeningDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'expected YYYY-MM (month 01–12) or YYYY');

/**
 * How firm an expected opening is:
 * - announced: the builder or operator states when works already under way finish or service starts;
 * - officially-targeted: a government's target for a project not yet under way or not yet financed;
 * - speculative: no official date; derived from a stated construction time or an earlier target (method says how).
 */
export const OpeningConfidenceSchema = z.enum(['announced', 'officially-targeted', 'speculative']);

/**
 * When a link or crossing that is not in service today is expected to be: the
 * opening of a planned or building one, the reopening of a suspended or closed
 * one. A record without it never opens when planning at a later date.
 */
export const ExpectedOpeningSchema = z
  .object({
    date: OpeningDateSchema,
    confidence: OpeningConfidenceSchema,
    provenance: ProvenanceSchema,
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
  })
  .refine((o) => o.confidence === 'speculative' || o.provenance.basis !== 'estimate', {
    message: 'an estimated date is speculative, not announced or officially targeted',
    path: ['confidence'],
  });

export const IdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$/, 'expected a lowercase slug such as "serhetabat" or "mary--serhetabat"');

/** ISO 3166-1 alpha-2, upper case. */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "KZ"');

/** Track gauge, mm. One literal of three values: its error names them ("expected one of 1520|1435|1676"), a union of literals only says "Invalid input". */
export const GaugeSchema = z.literal([1520, 1435, 1676]);

export const ModeSchema = z.enum(['rail', 'ferry', 'sea', 'road']);

export const LinkStatusSchema = z.enum(['operational', 'under-construction', 'planned', 'proposed', 'suspended']);

/** `planned` marks a crossing that exists only once a non-operational line through it is built. */
export const CrossingStatusSchema = z.enum(['open', 'restricted', 'closed', 'planned']);

export const HandlingSchema = z.enum(['none', 'bogie-exchange', 'transshipment', 'bogie-exchange-or-transshipment', 'rail-to-road']);

export const PlaceKindSchema = z.enum(['station', 'junction', 'port', 'dry-port', 'border-point', 'ferry-terminal', 'city']);

export const PlaceSchema = z.object({
  id: IdSchema,
  name: z.string().min(2),
  aliases: z.array(z.string().min(2)).default([]),
  country: CountrySchema,
  kind: PlaceKindSchema,
  /** UN/LOCODE without the space, e.g. "PKKHI". */
  unlocode: z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'expected a UN/LOCODE such as "PKKHI"').optional(),
  lat: z.number(),
  lon: z.number(),
  coordinates: ProvenanceSchema,
  /**
   * Set where wagons change gauge away from a border crossing (Zahedan, Akhalkalaki)
   * or where rail meets road at a railhead: the handling and its time in hours.
   */
  transshipment: z
    .object({
      handling: HandlingSchema,
      hours: RangeSchema,
      sources: z.array(SourceSchema).default([]),
    })
    .optional(),
  /** The city the place serves, e.g. "Karachi" for its port and stations; searching the city's name lists them all. */
  city: z.string().min(2).optional(),
  /** The city's main freight place: the city's name resolves to it. At most one per city. */
  cityMain: z.boolean().optional(),
  sources: z.array(SourceSchema).default([]),
  notes: z.string().optional(),
});

export const FerryTimingSchema = z.object({
  /** Time at sea, h. */
  crossingHours: RangeSchema,
  /** Waiting for a departure, h (Caspian ferries sail when loaded). */
  waitHours: RangeSchema,
  /** Loading and unloading at both ports together, h. */
  handlingHours: RangeSchema,
});

/**
 * Whether shippers can book a sailing on a ferry or sea link:
 * - scheduled: regular sailings open to shippers, by timetable or by regular
 *   departures when loaded (the Caspian rail ferries; the wait is in waitHours);
 * - on-demand: no regular service, a vessel sails only when chartered;
 * - none: no service at all is known to run (the sea lane exists, no operator uses it).
 */
export const ServiceKindSchema = z.enum(['scheduled', 'on-demand', 'none']);

export const ServiceSchema = z.object({
  kind: ServiceKindSchema,
  asOf: AsOfSchema,
  sources: z.array(SourceSchema).min(1),
  notes: z.string().optional(),
});

export const SeaTimingSchema = z.object({
  /** Port handling at both ends together, h. Sailing time comes from lengthKm and the vessel speed parameter. */
  handlingHours: RangeSchema,
});

export const LinkSchema = z
  .object({
    id: IdSchema,
    from: IdSchema,
    to: IdSchema,
    mode: ModeSchema,
    lengthKm: z.number().positive(),
    length: ProvenanceSchema,
    /** Track gauge in mm; required for rail, absent otherwise. */
    gaugeMm: GaugeSchema.optional(),
    status: LinkStatusSchema,
    statusAsOf: AsOfSchema,
    tracks: z.enum(['single', 'double', 'partly-double']).optional(),
    electrified: z.boolean().optional(),
    /** Commercial speed override in km/h; otherwise the speed rule for the country and mode applies. */
    speedKmh: SpeedRangeSchema.optional(),
    ferry: FerryTimingSchema.optional(),
    sea: SeaTimingSchema.optional(),
    /**
     * The service on a ferry or sea link. Required for sea links. Optional for
     * ferries: absent means unknown, and a route using such a leg says so
     * (SERVICE_UNKNOWN) rather than assuming a schedule.
     */
    service: ServiceSchema.optional(),
    corridors: z.array(IdSchema).default([]),
    /** Expected opening (planned, building) or reopening (suspended); absent on an operational link. */
    expectedOpening: ExpectedOpeningSchema.optional(),
    sources: z.array(SourceSchema).min(1),
    notes: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    if (l.status === 'operational' && l.expectedOpening !== undefined)
      ctx.addIssue({ code: 'custom', message: 'an operational link has no expected opening', path: ['expectedOpening'] });
    if (l.mode === 'rail' && l.gaugeMm === undefined) ctx.addIssue({ code: 'custom', message: 'a rail link needs gaugeMm', path: ['gaugeMm'] });
    if (l.mode !== 'rail' && l.gaugeMm !== undefined) ctx.addIssue({ code: 'custom', message: 'only rail links have a gauge', path: ['gaugeMm'] });
    if (l.mode === 'ferry' && l.ferry === undefined) ctx.addIssue({ code: 'custom', message: 'a ferry link needs ferry timing', path: ['ferry'] });
    if (l.mode === 'sea' && l.sea === undefined) ctx.addIssue({ code: 'custom', message: 'a sea link needs sea timing', path: ['sea'] });
    if (l.mode === 'sea' && l.service === undefined)
      ctx.addIssue({ code: 'custom', message: 'a sea link needs `service` (scheduled, on-demand or none, with sources)', path: ['service'] });
    if ((l.mode === 'rail' || l.mode === 'road') && l.service !== undefined)
      ctx.addIssue({ code: 'custom', message: 'only ferry and sea links have a service', path: ['service'] });
    if (l.from === l.to) ctx.addIssue({ code: 'custom', message: 'a link cannot end where it starts', path: ['to'] });
  });

export const DwellSchema = z.object({
  /** "KZ>TM" for one direction; absent for the value used in every direction without its own entry. */
  direction: z.string().regex(/^[A-Z]{2}>[A-Z]{2}$/, 'expected "KZ>TM"').optional(),
  hours: RangeSchema,
  sources: z.array(SourceSchema).default([]),
});

export const CrossingSchema = z.object({
  id: IdSchema,
  name: z.string().min(2),
  /** The two border points, by place id; a link between them in one of `modes` passes this crossing. */
  places: z.tuple([IdSchema, IdSchema]),
  countries: z.tuple([CountrySchema, CountrySchema]),
  modes: z.array(ModeSchema).min(1),
  /** Dwell at the border in hours: at least one entry without a direction. */
  dwell: z.array(DwellSchema).min(1),
  gaugeChange: z.object({
    /** Gauges in mm on the side of places[0] and places[1]; absent for road crossings. */
    gauges: z.tuple([GaugeSchema, GaugeSchema]).optional(),
    handling: HandlingSchema,
    /** Time for the gauge change itself, h; required when handling is not "none". */
    hours: RangeSchema.optional(),
    /**
     * True when this crossing's dwell figure already contains the gauge change
     * (CAREC CPMM TFI1, for one, is the border-crossing time "including waiting
     * and loading/unloading"). A route that passes the crossing and changes gauge
     * at one of its border points then gets no extra time for the change: `hours`
     * stay for information only, so the change is not counted twice.
     */
    includedInDwell: z.boolean().default(false),
    description: z.string().optional(),
  }),
  status: CrossingStatusSchema,
  statusAsOf: AsOfSchema,
  statusSources: z.array(SourceSchema).default([]),
  /** Expected opening (planned) or reopening (closed, restricted); absent on an open crossing. */
  expectedOpening: ExpectedOpeningSchema.optional(),
  sources: z.array(SourceSchema).min(1),
  notes: z.string().optional(),
}).superRefine((c, ctx) => {
  if (c.status === 'open' && c.expectedOpening !== undefined)
    ctx.addIssue({ code: 'custom', message: 'an open crossing has no expected opening', path: ['expectedOpening'] });
});

export const CorridorSchema = z.object({
  id: IdSchema,
  name: z.string().min(2),
  description: z.string().min(10),
  sources: z.array(SourceSchema).min(1),
});

export const SpeedRuleSchema = z.object({
  id: IdSchema,
  country: CountrySchema,
  mode: z.enum(['rail', 'road']),
  speedKmh: SpeedRangeSchema,
  sources: z.array(SourceSchema).default([]),
});

/**
 * Time a train spends at the terminals where the route starts and ends by rail
 * (formation or break-up of the train, loading and unloading, hand-over and
 * formalities), h, and at marshalling yards it passes. A route that starts or
 * ends with a ferry or sea leg pays the port handling of that leg instead.
 */
export const TerminalParametersSchema = z.object({
  /** At the place a route leaves by rail, h. */
  originHours: RangeSchema,
  /** At the place a route arrives at by rail, h. */
  destinationHours: RangeSchema,
  /** Terminals whose own figures replace the defaults, by place id. */
  places: z
    .array(
      z.object({
        placeId: IdSchema,
        originHours: RangeSchema.optional(),
        destinationHours: RangeSchema.optional(),
        sources: z.array(SourceSchema).default([]),
      }),
    )
    .default([]),
  /** Marshalling yards, by place id: a rail route passing the place without changing gauge spends `hours` there. */
  yards: z
    .array(
      z.object({
        placeId: IdSchema,
        hours: RangeSchema,
        sources: z.array(SourceSchema).default([]),
      }),
    )
    .default([]),
  sources: z.array(SourceSchema).default([]),
});

export const ParametersSchema = z.object({
  dataVersion: z.string().min(1),
  dataDate: AsOfSchema,
  /** Commercial speeds by country and mode, km/h, used where a link has no speedKmh of its own. */
  speedRules: z.array(SpeedRuleSchema).min(1),
  /** Container vessel speed for sea legs, knots (1 kn = 1.852 km/h). */
  seaSpeedKnots: SpeedRangeSchema,
  /** Transfer between rail and road at a railhead, h. */
  railRoadTransferHours: RangeSchema,
  /** Waiting for a sailing on a sea leg, h (liner services sail weekly or less often). Absent: no wait. */
  seaWaitHours: RangeSchema.optional(),
  /** Terminal and yard time; absent: none (small test networks). */
  terminal: TerminalParametersSchema.optional(),
  sources: z.array(SourceSchema).default([]),
});

export type Source = z.infer<typeof SourceSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Range = z.infer<typeof RangeSchema>;
export type Gauge = z.infer<typeof GaugeSchema>;
export type Mode = z.infer<typeof ModeSchema>;
export type LinkStatus = z.infer<typeof LinkStatusSchema>;
export type CrossingStatus = z.infer<typeof CrossingStatusSchema>;
export type Handling = z.infer<typeof HandlingSchema>;
export type ExpectedOpening = z.infer<typeof ExpectedOpeningSchema>;
export type OpeningConfidence = z.infer<typeof OpeningConfidenceSchema>;
export type ServiceKind = z.infer<typeof ServiceKindSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Crossing = z.infer<typeof CrossingSchema>;
export type Dwell = z.infer<typeof DwellSchema>;
export type Corridor = z.infer<typeof CorridorSchema>;
export type SpeedRule = z.infer<typeof SpeedRuleSchema>;
export type Parameters = z.infer<typeof ParametersSchema>;
export type TerminalParameters = z.infer<typeof TerminalParametersSchema>;

/** The whole validated data set, as the rest of the domain sees it. */
export interface Network {
  places: readonly Place[];
  links: readonly Link[];
  crossings: readonly Crossing[];
  corridors: readonly Corridor[];
  parameters: Parameters;
  /** The source register (data/sources.json); every citation above names one of its ids. */
  sources: readonly SourceEntry[];
}
