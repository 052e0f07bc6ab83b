import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DanganError } from '../../src/errors/index.js';

const dir = fileURLToPath(new URL('../fixtures/sm2/', import.meta.url));

/** A fixture file of test/fixtures/sm2 as text. */
export function fixtureText(name: string): string {
  return readFileSync(dir + name, 'utf8');
}

/** A fixture file of test/fixtures/sm2 as bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(dir + name));
}

/** Values openssl printed for the fixtures (see openssl-expected.json). */
export const expected = JSON.parse(fixtureText('openssl-expected.json')) as {
  privateKeyHex: string;
  publicKeyHex: string;
  userId: string;
  cert: { notBefore: string; notAfter: string; serialNumber: string; subject: string };
  certGeneralized: { notBefore: string; notAfter: string; serialNumber: string; subject: string };
};

/** The `DanganError` code `fn` throws, or `undefined` when it returns; any other error is rethrown. */
export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof DanganError) return String(e.code);
    throw e;
  }
}
