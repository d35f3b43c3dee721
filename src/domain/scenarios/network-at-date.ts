/**
 * The network as its records expect it at a planning month: every link and
 * crossing whose expected opening (or reopening) falls on or before that
 * month counts as in service. A month at or before the data date is today's
 * network: the records describe the network as of that date, and what they
 * expected before it and did not record as done is not assumed done.
 *
 * Pure: a new Network is returned, changed records are copies (status
 * operational or open, the expectedOpening kept so that routes over them
 * warn), unchanged ones are shared.
 */
import { DomainError } from '../errors.js';
import { monthOf, PLANNING_MONTH } from '../network/expected-opening.js';
import type { Crossing, ExpectedOpening, Link, Network } from '../network/schema.js';

/** One record the date opens. */
export interface DatedOpening {
  kind: 'link' | 'crossing';
  id: string;
  /** Status in the data set, before the date applied. */
  recordedStatus: Link['status'] | Crossing['status'];
  expectedOpening: ExpectedOpening;
  /** Month the record counts as open from (a year alone counts as its December). */
  fromMonth: string;
  /** The expected month is at or before the data date: the opening is overdue, not recorded. */
  overdue: boolean;
}

export interface NetworkAtDate {
  network: Network;
  /** The planning month asked for. */
  asOf: string;
  /** Month of the data set's date: asOf at or before it is today's network. */
  dataMonth: string;
  /** Records opened by the date, links first, in data order. */
  opened: DatedOpening[];
}

/** Throws INVALID_CONSTRAINT (field asOf) unless `asOf` is YYYY-MM. */
export function checkPlanningMonth(asOf: string): void {
  if (!PLANNING_MONTH.test(asOf)) {
    throw new DomainError('INVALID_CONSTRAINT', `asOf must be a month YYYY-MM (01–12), got "${asOf}"`, { field: 'asOf', value: asOf });
  }
}

/** The records a planning month opens, without building the network. */
export function openingsAt(net: Network, asOf: string): DatedOpening[] {
  checkPlanningMonth(asOf);
  const dataMonth = monthOf(net.parameters.dataDate);
  if (asOf <= dataMonth) return [];
  const due = (o: ExpectedOpening | undefined): o is ExpectedOpening => o !== undefined && monthOf(o.date) <= asOf;
  const opened: DatedOpening[] = [];
  const add = (kind: DatedOpening['kind'], id: string, recordedStatus: DatedOpening['recordedStatus'], o: ExpectedOpening) =>
    opened.push({ kind, id, recordedStatus, expectedOpening: o, fromMonth: monthOf(o.date), overdue: monthOf(o.date) <= dataMonth });
  for (const l of net.links) if (l.status !== 'operational' && due(l.expectedOpening)) add('link', l.id, l.status, l.expectedOpening);
  for (const c of net.crossings) if (c.status !== 'open' && due(c.expectedOpening)) add('crossing', c.id, c.status, c.expectedOpening);
  return opened;
}

export function networkAtDate(net: Network, asOf: string): NetworkAtDate {
  const opened = openingsAt(net, asOf);
  const dataMonth = monthOf(net.parameters.dataDate);
  if (opened.length === 0) return { network: net, asOf, dataMonth, opened };
  const links = new Set(opened.filter((o) => o.kind === 'link').map((o) => o.id));
  const crossings = new Set(opened.filter((o) => o.kind === 'crossing').map((o) => o.id));
  const network: Network = {
    ...net,
    links: net.links.map((l) => (links.has(l.id) ? { ...l, status: 'operational' as const } : l)),
    crossings: net.crossings.map((c) => (crossings.has(c.id) ? { ...c, status: 'open' as const } : c)),
  };
  return { network, asOf, dataMonth, opened };
}

/** A key shared by every month that opens the same records ("" for today's network). */
export function openingsKey(opened: readonly DatedOpening[]): string {
  return opened.map((o) => `${o.kind}:${o.id}`).join(',');
}
