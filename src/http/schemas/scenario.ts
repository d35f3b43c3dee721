/** Answers of GET /v1/scenarios and GET /v1/scenarios/{id}: the named planning scenarios of data/scenarios. */
import { z } from 'zod';
import { CitedSourceSchema } from './source.js';
import { ID_PATTERN } from './route-fields.js';

const OVERLAY_KINDS = ['set-crossing-status', 'set-crossing-dwell', 'scale-speed', 'set-link-status', 'build-corridor', 'add-link'] as const;

export const ScenarioOverlaySummarySchema = z
  .object({
    index: z.number().int().describe('Position in the scenario, from 0.'),
    kind: z.enum(OVERLAY_KINDS),
    summary: z.string().describe('What the overlay does to today\'s network, in plain words.'),
    linkIds: z.array(z.string()).describe('Links it changes.'),
    crossingIds: z.array(z.string()).describe('Crossings it changes.'),
  })
  .meta({ id: 'ScenarioOverlaySummary', description: 'One overlay of a scenario, as applied to today\'s network.' });

export const ScenarioSchema = z
  .object({
    id: z.string().describe('Scenario id, for `scenario` and `scenarios` parameters.'),
    name: z.string(),
    description: z.string(),
    include: z.array(z.string()).describe('Link statuses the scenario admits besides operational (usually none: its overlays make lines operational).'),
    overlays: z.array(ScenarioOverlaySummarySchema),
    sources: z.array(CitedSourceSchema).describe('Agreements, construction reports and other sources the scenario rests on.'),
  })
  .meta({
    id: 'Scenario',
    description: 'A named "what if" for planning: overlays on today\'s network, with its sources.',
    example: {
      id: 'kz-tm-af-pk-built',
      name: 'KZ–TM–AF–PK line built',
      description:
        'The Torghundi – Herat – Kandahar – Spin Boldak – Chaman line is built at 1520 mm and opened: every planned or proposed link of the kz-tm-af-pk corridor becomes operational and the planned Spin Boldak – Chaman rail crossing opens (break of gauge 1520/1676 at Chaman). The Spin Boldak – Chaman road stays as it is (closed since Oct 2025).',
      include: [],
      overlays: [
        {
          index: 0,
          kind: 'build-corridor',
          summary: 'corridor kz-tm-af-pk built: 5 planned, proposed or under-construction link(s) made operational, 1 planned crossing(s) opened',
          linkIds: ['torghundi--sanobar', 'sanobar--herat', 'herat--kandahar', 'kandahar--spin-boldak', 'spin-boldak--chaman'],
          crossingIds: ['spin-boldak--chaman--rail'],
        },
      ],
      sources: [
        {
          id: 'railwaygazette-infrastructure-herat-kandahar-railway-design-contracts',
          address: 'https://railwaygazette.com/infrastructure/herat-kandahar-railway-design-contracts-awarded/68284.article',
          addressForm: 'full',
          title: null,
          publisher: 'Railway Gazette International',
          published: null,
          publishedNote: 'not given in the address and not looked up',
          read: null,
          readNote: 'read for the project reference notes (network facts sheet) before the citation was written; the date of reading was not recorded',
          locator: null,
          statement: 'Herat – Kandahar 737.5 km; design contracts signed 6 Feb 2025',
        },
      ],
    },
  });

export const ScenarioListSchema = z
  .object({
    dataVersion: z.string().describe('Version of the data set the scenarios apply to.'),
    scenarios: z.array(ScenarioSchema).describe('Every named scenario, by id.'),
  })
  .meta({ id: 'ScenarioList', description: 'The named scenarios.' });

export const ScenarioParamsSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, 'expected a scenario id such as "kz-tm-af-pk-built"').meta({ description: 'Scenario id.', example: 'kz-tm-af-pk-built' }),
});

export type WireScenario = z.output<typeof ScenarioSchema>;
