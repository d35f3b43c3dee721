/** The records a planning month opened → the answer's `asOf` block; a record's expected opening → its wire form. */
import type { NetworkIndex } from '../../domain/network/network-index.js';
import type { ExpectedOpening } from '../../domain/network/schema.js';
import type { DatedOpening } from '../../domain/scenarios/network-at-date.js';
import type { WireAsOf } from '../schemas/as-of-fields.js';
import { provenanceToWire, sourcesToWire } from './browse-to-wire.js';

export function expectedOpeningToWire(index: NetworkIndex, o: ExpectedOpening | undefined) {
  if (o === undefined) return null;
  return { date: o.date, confidence: o.confidence, provenance: provenanceToWire(o.provenance), sources: sourcesToWire(index, o.sources), notes: o.notes ?? null };
}

export function datedOpeningToWire(o: DatedOpening): WireAsOf['opened'][number] {
  return {
    kind: o.kind,
    id: o.id,
    recordedStatus: o.recordedStatus,
    expected: o.expectedOpening.date,
    confidence: o.expectedOpening.confidence,
    basis: o.expectedOpening.provenance.basis,
    overdue: o.overdue,
    sources: [...new Set(o.expectedOpening.sources.map((s) => s.source))],
  };
}

export function asOfToWire(dated: { asOf: string; opened: readonly DatedOpening[] } | null, dataDate: string): WireAsOf | null {
  if (dated === null) return null;
  return { month: dated.asOf, dataDate, opened: dated.opened.map(datedOpeningToWire) };
}
