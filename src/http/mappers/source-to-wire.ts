/** Register entries and citations → wire: a citation carries its register entry in full, plus the record's statement. */
import type { Source } from '../../domain/network/schema.js';
import type { SourceEntry } from '../../domain/network/source-register.js';
import type { WireCitedSource, WireSource } from '../schemas/source.js';

function entryFields(s: SourceEntry) {
  return {
    id: s.id,
    address: s.address,
    addressForm: s.addressForm,
    title: s.title,
    publisher: s.publisher,
    published: s.published,
    publishedNote: s.publishedNote ?? null,
    read: s.read,
    readNote: s.readNote ?? null,
  };
}

/** The citations with their register entries; the loader has checked every id, so a miss is a bug. */
export function citationsToWire(sourceById: ReadonlyMap<string, SourceEntry>, citations: readonly Source[]): WireCitedSource[] {
  return citations.map((c) => {
    const s = sourceById.get(c.source);
    if (s === undefined) throw new Error(`citation of unknown source ${c.source}`);
    return { ...entryFields(s), locator: c.locator ?? null, statement: c.statement };
  });
}

export function sourceToWire(s: SourceEntry, citedBy: WireSource['citedBy']): WireSource {
  return { ...entryFields(s), aliases: [...s.aliases], statements: [...s.statements], citedBy };
}
