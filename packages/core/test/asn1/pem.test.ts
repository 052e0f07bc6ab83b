import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePem, decodePemBlocks, encodePem } from '../../src/asn1/index.js';
import { DanganError } from '../../src/errors/index.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof DanganError) return e.code;
    throw e;
  }
}

describe('PEM', () => {
  it('round-trips DER through 64-column Base64', () => {
    const der = Uint8Array.from({ length: 100 }, (_, i) => i);
    const text = encodePem('PUBLIC KEY', der);
    expect(text.split('\n')[1]).toHaveLength(64);
    expect(text.endsWith('-----END PUBLIC KEY-----\n')).toBe(true);
    expect(decodePem(text, ['PUBLIC KEY']).der).toEqual(der);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (d) => {
        const back = decodePem(encodePem('CERTIFICATE', d), ['CERTIFICATE']).der;
        return back.length === d.length && back.every((b, i) => b === d[i]);
      }),
    );
  });

  it('finds the wanted block among several, with text around them and CRLF lines', () => {
    const text = `Explanatory text\r\n${encodePem('EC PARAMETERS', Uint8Array.of(6, 1, 0)).replace(/\n/g, '\r\n')}${encodePem('EC PRIVATE KEY', Uint8Array.of(1, 2, 3))}trailer`;
    expect(decodePemBlocks(text).map((b) => b.label)).toEqual(['EC PARAMETERS', 'EC PRIVATE KEY']);
    expect(decodePem(text, ['PRIVATE KEY', 'EC PRIVATE KEY']).der).toEqual(Uint8Array.of(1, 2, 3));
  });

  it.each([
    ['no block', 'just text'],
    ['a BEGIN without END', '-----BEGIN PUBLIC KEY-----\nAAAA\n'],
    ['mismatched labels', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
    ['bad Base64', '-----BEGIN PUBLIC KEY-----\nAA*A\n-----END PUBLIC KEY-----'],
    ['bad padding', '-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----'],
    ['an empty body', '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----'],
    [
      'headers of a legacy encrypted key',
      '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END EC PRIVATE KEY-----',
    ],
  ])('refuses %s with PEM_INVALID', (_name, text) => {
    expect(code(() => decodePem(text, ['PUBLIC KEY', 'EC PRIVATE KEY']))).toBe('PEM_INVALID');
  });

  it('refuses a block with another label, naming what it found', () => {
    const text = encodePem('CERTIFICATE', Uint8Array.of(1));
    expect(() => decodePem(text, ['PUBLIC KEY'])).toThrow(/CERTIFICATE/);
  });

  it('random text only ever throws PEM_INVALID', () => {
    const noise = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .tuple(fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }))
        .map(([a, b]) => `-----BEGIN PUBLIC KEY-----${a}-----END PUBLIC KEY-----${b}`),
    );
    fc.assert(
      fc.property(noise, (text) => {
        const c = code(() => decodePem(text, ['PUBLIC KEY']));
        return c === undefined || c === 'PEM_INVALID';
      }),
      { numRuns: 3000 },
    );
  });
});
