/**
 * Sources on the wire: a cited source (a register entry with the statement a
 * record quotes from it), and the register entries of GET /v1/sources.
 */
import { z } from 'zod';
import { LimitSchema, OffsetSchema, pageSchema } from './browse-query.js';

const ADDRESS_FORMS = ['full', 'shortened', 'descriptive'] as const;

/** The fields a register entry and a cited source share. */
const entryFields = {
  id: z.string().describe('Source id in the register (see /v1/sources/{id}).'),
  address: z.string().describe('Where it was published: a URL, a URL shortened with "…", or a description when there is no web address.'),
  addressForm: z
    .enum(ADDRESS_FORMS)
    .describe('full: a complete URL; shortened: part of the URL is missing where "…" stands; descriptive: no web address.'),
  title: z.string().nullable().describe('Title of the publication; null when not recorded.'),
  publisher: z.string().nullable().describe('Who published it; null when not recorded.'),
  published: z.string().nullable().describe('Date of publication, YYYY, YYYY-MM or YYYY-MM-DD; null when not known.'),
  publishedNote: z.string().nullable().describe('Why the publication date is not known, or how it was established; null otherwise.'),
  read: z.string().nullable().describe('When the source was read for the data set, YYYY, YYYY-MM or YYYY-MM-DD; null when not recorded.'),
  readNote: z.string().nullable().describe('Why the reading date is not recorded; null otherwise.'),
};

export const CitedSourceSchema = z
  .object({
    ...entryFields,
    locator: z.string().nullable().describe('Where in the source (section, table, page), when the record says.'),
    statement: z.string().describe('The figure or sentence as the source states it, for this record.'),
  })
  .meta({
    id: 'CitedSource',
    description: 'A citation: the source as recorded in the register and what it states for this record.',
    example: {
      id: 'cpmm-carecprogram-2022-report-kazakhstan',
      address: 'https://cpmm.carecprogram.org/2022-report/kazakhstan',
      addressForm: 'full',
      title: 'Kazakhstan (CAREC Corridor Performance Measurement and Monitoring Annual Report 2022, web edition)',
      publisher: 'Asian Development Bank, CAREC Program (Corridor Performance Measurement and Monitoring)',
      published: null,
      publishedNote: 'the web edition gives no date; the report covers 2020–2022',
      read: '2026-12-01',
      readNote: 'checked on this day against the stored copy found with the search tool',
      locator: null,
      statement: 'Kazakhstan rail TFI1 (total / outbound / inbound): 2020 48.6 / 8.9 / 54.4; 2021 57.2 / 11.4 / 61.8; 2022 67.4 / 6.8 / 78.0 h (inbound dominated by the gauge change on the China border)',
    },
  });

export const SourceCitingRecordSchema = z
  .object({
    kind: z.enum(['place', 'link', 'crossing', 'corridor', 'parameters']).describe('Kind of record.'),
    id: z.string().describe('Record id ("parameters" for the model parameters).'),
  })
  .meta({ id: 'SourceCitingRecord', description: 'A record of the network that cites the source.' });

export const SourceSchema = z
  .object({
    ...entryFields,
    aliases: z.array(z.string()).describe('Other spellings of the address found in the data set.'),
    statements: z.array(z.string()).describe('Every statement the data set quotes from this source.'),
    citedBy: z.array(SourceCitingRecordSchema).describe('Places, links, crossings, corridors and parameters that cite it, by kind then id.'),
  })
  .meta({ id: 'Source', description: 'A source of the register: where a figure of the data set was published and what is quoted from it.' });

export const SourceQuerySchema = z.strictObject({
  limit: LimitSchema,
  offset: OffsetSchema,
});

export const SourcePageSchema = pageSchema(SourceSchema, 'SourcePage', 'sources');

export type WireCitedSource = z.output<typeof CitedSourceSchema>;
export type WireSource = z.output<typeof SourceSchema>;
