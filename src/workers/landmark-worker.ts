/**
 * A worker thread that builds the landmark tables of one search space
 * (domain/routing/landmarks.ts) from the arrays in workerData, posts them
 * back with their buffers transferred (not copied), and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LandmarkInput } from '../domain/routing/landmarks.js';
import { landmarksOf } from '../domain/routing/search-space.js';

const landmarks = landmarksOf(workerData as LandmarkInput);
// Fewest-borders shares fastest's tables: each buffer is listed once.
const buffers = new Set([landmarks.nodes, ...Object.values(landmarks.from), ...Object.values(landmarks.to)].map((a) => a.buffer as ArrayBuffer));
parentPort!.postMessage(landmarks, [...buffers]);
