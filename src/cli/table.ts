/** Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned. */

export type TableCell = string | number | null;

export function table(header: readonly string[], rows: readonly (readonly TableCell[])[]): string {
  const text = rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n';
}
