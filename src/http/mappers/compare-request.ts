/** GET /v1/compare query (also the command line's `compare`) → the planning use case's compare question. */
import type { CompareInput } from '../../domain/planning/answer-views.js';
import type { CompareQuery } from '../schemas/compare.js';
import type { ModeSchema } from '../schemas/route-fields.js';
import { splitList } from '../schemas/route-query.js';
import type { z } from 'zod';

export function compareAsk(q: CompareQuery): CompareInput {
  return {
    from: q.from,
    to: q.to,
    scenarios: q.scenarios === undefined ? undefined : splitList(q.scenarios),
    objective: q.objective,
    modes: splitList(q.modes) as z.output<typeof ModeSchema>[],
    cargo: { tonnes: q.cargoTonnes, teu: q.cargoTeu, feu: q.cargoFeu, tonnesPerTeu: q.tonnesPerTeu },
    asOfs: splitList(q.asOf),
  };
}
