/** A link's or crossing's expected opening as GET /v1/links and /v1/border-crossings show it. */
import { z } from 'zod';
import { ProvenanceSchema } from './browse-fields.js';
import { CitedSourceSchema } from './source.js';

export const ExpectedOpeningWireSchema = z
  .object({
    date: z.string().describe('Expected opening (or reopening), YYYY-MM or YYYY; a year alone counts as its December when planning with asOf.'),
    confidence: z
      .enum(['announced', 'officially-targeted', 'speculative'])
      .describe('announced: the builder or operator states it for works under way; officially-targeted: a government target for a project not yet under way or financed; speculative: no official date, derived or estimated (provenance.method says how).'),
    provenance: ProvenanceSchema.describe('How the date was obtained.'),
    sources: z.array(CitedSourceSchema).describe('Citations for the date.'),
    notes: z.string().nullable(),
  })
  .meta({ id: 'ExpectedOpening', description: 'When a record not in service today is expected to be: what asOf plans with.' });
