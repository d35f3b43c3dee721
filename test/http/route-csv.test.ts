/** CSV fields for spreadsheets: quoting (RFC 4180) and formula neutralising. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvField } from '../../src/http/mappers/route-csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers alone and writes null as an empty field', () => {
    assert.equal(csvField('Mary'), 'Mary');
    assert.equal(csvField(3116.2), '3116.2');
    assert.equal(csvField(false), 'false');
    assert.equal(csvField(null), '');
  });

  it('quotes fields with commas, quotes or line breaks, doubling inner quotes', () => {
    assert.equal(csvField('Port of Baku, Alat'), '"Port of Baku, Alat"');
    assert.equal(csvField('the "new" line'), '"the ""new"" line"');
    assert.equal(csvField('a\r\nb'), '"a\r\nb"');
  });

  it('prefixes text a spreadsheet would run as a formula', () => {
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    // Numbers are numbers, not text: a negative value stays as it is.
    assert.equal(csvField(-3.5), '-3.5');
  });
});
