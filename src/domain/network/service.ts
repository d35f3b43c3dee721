/**
 * The service on a link as routing sees it. Rail and road links need no
 * booking; a ferry or sea link without a `service` record is `unknown`, never
 * silently taken as scheduled.
 */
import type { Link, ServiceKind } from './schema.js';

export type LinkService = ServiceKind | 'unknown' | 'not-applicable';

export function serviceOf(l: Link): LinkService {
  if (l.mode === 'rail' || l.mode === 'road') return 'not-applicable';
  return l.service?.kind ?? 'unknown';
}

/** A ferry or sea link with no scheduled sailings (on demand or none at all). */
export const isUnscheduled = (l: Link): boolean => {
  const s = serviceOf(l);
  return s === 'on-demand' || s === 'none';
};
