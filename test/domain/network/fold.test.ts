import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldName, foldUnicode } from '../../../src/domain/network/fold.js';

describe('foldName', () => {
  it('strips diacritics and lowercases', () => {
    assert.equal(foldName('Türkmenbaşy'), 'turkmenbasy');
    assert.equal(foldName('Karāchī'), 'karachi');
    assert.equal(foldName('Herāt'), 'herat');
    assert.equal(foldName('ÇORLU'), 'corlu');
  });

  it('maps the dotless ı and the dotted İ to i', () => {
    assert.equal(foldName('Türkmenbaşı'), 'turkmenbasi');
    assert.equal(foldName('İstanbul'), 'istanbul');
  });

  it('turns every run of other characters into one space and trims', () => {
    assert.equal(foldName('  Spin-Boldak  '), 'spin boldak');
    assert.equal(foldName('Port of Baku (Alat)'), 'port of baku alat');
    assert.equal(foldName('Bandar-e ʿAbbās'), 'bandar e abbas');
    assert.equal(foldName('mary--serhetabat'), 'mary serhetabat');
  });

  it('keeps letters of other scripts, so local-script names can be looked up', () => {
    assert.equal(foldName('Ташкент'), 'ташкент');
    assert.equal(foldName('АЛМАТЫ'), 'алматы');
    assert.equal(foldName('کراچی'), 'کراچی');
    assert.equal(foldName('بندر امیرآباد'), foldName('بندر  امیرآباد'));
    assert.notEqual(foldName('لاہور'), '');
  });

  it('applies compatibility decomposition (NFKD)', () => {
    assert.equal(foldName('ﬁrst'), 'first'); // U+FB01 ligature
    assert.equal(foldName('Ｋａｒａｃｈｉ'), 'karachi'); // full-width letters
  });

  it('keeps digits and returns an empty string when nothing is left', () => {
    assert.equal(foldName('Km 523'), 'km 523');
    assert.equal(foldName(' -–() '), '');
  });
});

/** Tab, newline, vertical tab, form feed, carriage return and printable ASCII: the characters of the shortcut. */
const PLAIN = [...'\t\n\v\f\r', ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))];

describe('foldName on plain ASCII', () => {
  it('takes a shortcut that gives the same result as the general rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...PLAIN), maxLength: 40 }), (s) => {
        assert.equal(foldName(s), foldUnicode(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['Spin-Boldak', '  g12-34  ', 'Port of Baku (Alat)', 'PK KHI', 'a_b^c`d~e', 'Tab\there'])
      assert.equal(foldName(s), foldUnicode(s), s);
  });
});
