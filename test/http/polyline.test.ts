/** Encoded polyline: Google's documented example, known values, and round trips. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePolyline, encodePolyline } from '../../src/http/mappers/polyline.js';

describe('encodePolyline (Google, precision 5)', () => {
  it("encodes Google's documented example", () => {
    // https://developers.google.com/maps/documentation/utilities/polylinealgorithm:
    // points (38.5, -120.2), (40.7, -120.95), (43.252, -126.453) → "_p~iF~ps|U_ulLnnqC_mqNvxq`@". Positions here are [lon, lat].
    assert.equal(encodePolyline([[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]]), '_p~iF~ps|U_ulLnnqC_mqNvxq`@');
  });

  it("encodes Google's single-value example and the empty line", () => {
    // The same page works -179.9832104 through to "`~oia@"; as a latitude of a point at longitude 0 it is followed by "?".
    assert.equal(encodePolyline([[0, -179.9832104]]), '`~oia@?');
    assert.equal(encodePolyline([]), '');
  });

  it('decodes the documented example back', () => {
    assert.deepEqual(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@'), [[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]]);
  });

  it('round-trips any line to within 0.5e-5 degrees', () => {
    const pos = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
    fc.assert(
      fc.property(fc.array(pos, { maxLength: 30 }), (line) => {
        const back = decodePolyline(encodePolyline(line as [number, number][]));
        assert.equal(back.length, line.length);
        back.forEach(([lon, lat], i) => {
          assert.ok(Math.abs(lon - line[i]![0]) <= 0.5e-5 + 1e-9 && Math.abs(lat - line[i]![1]) <= 0.5e-5 + 1e-9);
        });
      }),
    );
  });

  it('rejects text that is not a polyline', () => {
    assert.throws(() => decodePolyline('_p~iF~ps|U_'), /truncated/);
    assert.throws(() => decodePolyline(' '), /not an encoded polyline/);
  });
});
