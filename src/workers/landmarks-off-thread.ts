/**
 * Builds a search space's landmark tables on a worker thread and puts them
 * into the space when done, so start-up need not wait for them: at 100k
 * places they take over a second of CPU, during which the event loop serves
 * and searches use the great-circle bound alone (exact, slower).
 *
 * The worker gets a copy of the graph arrays (about 40 bytes per edge) and
 * hands its tables back without a copy.
 */
import type { Landmarks } from '../domain/routing/landmarks.js';
import { landmarkInput, type SearchSpace } from '../domain/routing/search-space.js';
import { startWorker } from './start-worker.js';

export interface LandmarkBuild {
  /** Resolves with the build's wall time, ms, once space.landmarks holds the tables; rejects if the worker failed. */
  done: Promise<number>;
  /** Ends the worker (at shutdown); `done` then rejects unless it had finished. */
  stop(): Promise<void>;
}

export function buildLandmarksOffThread(space: SearchSpace): LandmarkBuild {
  const started = performance.now();
  const worker = startWorker('landmark-worker', landmarkInput(space));
  // A build still running never holds the process open.
  worker.unref();
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (landmarks: Landmarks) => {
      space.landmarks = landmarks;
      resolve(performance.now() - started);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the landmark worker exited (code ${code}) before it answered`)));
  });
  return {
    done,
    stop: async () => {
      await worker.terminate();
    },
  };
}
