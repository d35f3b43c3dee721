/** docs/deploying.md lists every environment variable of the config schema, with the default parseConfig applies. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONFIG_VARIABLES, ConfigSchema } from '../../src/config.js';

const doc = readFileSync(new URL('../../docs/deploying.md', import.meta.url), 'utf8');

/** Table rows of the variables table: name → default column. */
function documented(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const m = /^\| `([A-Z][A-Z0-9_]*)` \| ([^|]+) \|/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.trim());
  }
  return rows;
}

describe('docs/deploying.md', () => {
  it('has a row for every variable of the config schema, and no row for anything else', () => {
    const rows = documented();
    assert.deepEqual([...rows.keys()].sort(), [...CONFIG_VARIABLES].sort());
  });

  it('gives each scalar default exactly as the schema has it', () => {
    const rows = documented();
    const shape = ConfigSchema.in.shape as Record<string, { def: { defaultValue?: unknown } }>;
    for (const name of CONFIG_VARIABLES) {
      const value = shape[name]!.def.defaultValue;
      const shown = rows.get(name)!;
      if (Array.isArray(value) && value.length === 0) {
        assert.match(shown, /^\*\(empty/, name);
      } else if (value === undefined) {
        // An optional setting with no default (REDIS_URL): the table says it is off when unset.
        assert.match(shown, /^unset/, name);
      } else {
        assert.equal(shown, `\`${String(value)}\``, name);
      }
    }
  });
});
