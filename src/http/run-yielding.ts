/**
 * Runs a planning step generator (domain/planning: matrix rows, closure
 * checks) to its end on the event loop, letting other requests run between
 * steps, so a long question does not hold them up for its whole duration.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export async function runYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
  }
}
