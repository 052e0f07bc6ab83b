/**
 * clamavScanner against a real clamd, started here from scripts/clamd/setup.sh's configuration: our own database
 * with the EICAR test signature and StreamMaxLength 6M. Skipped (with the reason) only where clamd cannot be
 * installed; under CI a missing clamd fails.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clamavScanner } from '../../src/node/clamav.js';
import type { ScanResult } from '../../src/scanner/types.js';
import { eicar, prepareClamd, type RunningClamd, startClamd } from './clamd-fixture.js';

const STREAM_MAX = 6 * 1024 * 1024;
const prepared = await prepareClamd({ streamMax: '6M' });
if (!prepared.ok) {
  if (process.env.CI)
    throw new Error(`CI needs a real clamd, but it could not be installed: ${prepared.reason}`);
  console.warn(`clamav tests skipped: clamd cannot be installed here (${prepared.reason})`);
}
const setup = prepared.ok ? prepared.setup : undefined;

/** Deterministic pseudo-random bytes (xorshift32): realistic content with no accidental signatures. */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** `data` cut into pieces of the given sizes (repeating), as an async iterable. */
async function* pieces(data: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield data.slice(offset, offset + size);
    offset += size;
  }
}

describe.skipIf(setup === undefined)(
  `clamavScanner with a real clamd${prepared.ok ? '' : ` (skipped: ${prepared.reason})`}`,
  () => {
    let clamd: RunningClamd | undefined;
    beforeAll(async () => {
      clamd = await startClamd(setup!);
    }, 120_000);
    afterAll(async () => {
      await clamd?.stop();
    }, 30_000);

    const overSocket = () => clamavScanner({ socket: setup!.socket, maxStreamSize: STREAM_MAX });
    const overTcp = () => clamavScanner({ host: '127.0.0.1', port: setup!.port, maxStreamSize: STREAM_MAX });

    it('answers PING and VERSION; name then carries the version', async () => {
      const scanner = overSocket();
      expect(await scanner.ping()).toBe(true);
      expect(scanner.name).toBe('ClamAV');
      const version = await scanner.version();
      expect(version).toMatch(/^ClamAV \d+\.\d+\.\d+/);
      expect(scanner.name).toMatch(/^ClamAV \d+\.\d+\.\d+/);
      expect(version.startsWith(scanner.name)).toBe(true);
      expect(await overTcp().version()).toBe(version);
    });

    it('clean bytes are clean (socket and TCP)', async () => {
      const text = new TextEncoder().encode('一份干净的电子文件 — a clean electronic file\n');
      expect(await overSocket().scan(text)).toEqual({ status: 'clean' });
      expect(await overTcp().scan(text)).toEqual({ status: 'clean' });
      expect(await overSocket().scan(new Uint8Array(0))).toEqual({ status: 'clean' });
      expect(await overSocket().scan(noise(3 << 20))).toEqual({ status: 'clean' });
    });

    it('the EICAR test file is infected, named by its signature (socket and TCP)', async () => {
      const file = eicar();
      expect(file.length).toBe(68);
      for (const scanner of [overSocket(), overTcp()]) {
        const r = await scanner.scan(file, { path: 'content/eicar.com' });
        expect(r.status).toBe('infected');
        if (r.status === 'infected') expect(r.signature).toMatch(/^Eicar-Test-Signature/);
      }
    });

    it('EICAR inside 5 MiB, fed in odd-sized pieces and sent in odd-sized chunks, is found', async () => {
      const data = noise(5 << 20);
      const at = (5 << 20) - 1_234_567;
      data.set(eicar(), at);
      const scanner = clamavScanner({ socket: setup!.socket, maxStreamSize: STREAM_MAX, chunkSize: 10_007 });
      const r = await scanner.scan(pieces(data, [1, 7, 4093, 65_537, 33, 1_000_003]));
      expect(r).toMatchObject({ status: 'infected' });
      // The same bytes without the signature are clean: the find is the signature, not the noise.
      const cleanR = await scanner.scan(pieces(noise(5 << 20), [1, 7, 4093, 65_537, 33, 1_000_003]));
      expect(cleanR).toEqual({ status: 'clean' });
      // A Node stream is a ByteSource too.
      expect(await overTcp().scan(Readable.from(pieces(data, [65_536])))).toMatchObject({
        status: 'infected',
      });
    });

    it('a stream over clamd StreamMaxLength is error "not scanned", never clean — even with EICAR at its start', async () => {
      const data = noise(STREAM_MAX + 1);
      data.set(eicar(), 0);
      for (const scanner of [
        clamavScanner({ socket: setup!.socket, maxStreamSize: Number.POSITIVE_INFINITY }),
        clamavScanner({ host: '127.0.0.1', port: setup!.port, maxStreamSize: Number.POSITIVE_INFINITY }),
      ]) {
        const r: ScanResult = await scanner.scan(pieces(data, [1 << 20]), { path: 'content/big.mp4' });
        expect(r.status).toBe('error');
        if (r.status === 'error') {
          expect(r.reason).toContain('未被扫描');
          expect(r.reason).toContain('content/big.mp4');
        }
      }
      // Exactly at the limit clamd takes and scans it.
      const atLimit = noise(STREAM_MAX);
      atLimit.set(eicar(), STREAM_MAX - 68);
      expect(await overSocket().scan(atLimit)).toMatchObject({ status: 'infected' });
    });

    it('clamd refusing mid-stream is error "not scanned" naming StreamMaxLength, however the refusal arrives', async () => {
      // clamd replies "INSTREAM size limit exceeded" and closes; the reply is usually read, but a write may meet the
      // closed socket first (EPIPE/ECONNRESET) and lose it. Both must be error and point at StreamMaxLength.
      for (const chunkSize of [4096, 64 * 1024, 1 << 20]) {
        const scanner = clamavScanner({
          socket: setup!.socket,
          maxStreamSize: Number.POSITIVE_INFINITY,
          chunkSize,
        });
        const r = await scanner.scan(pieces(noise(STREAM_MAX + 100_000), [64 * 1024]));
        expect(r.status).toBe('error');
        if (r.status === 'error') {
          expect(['not-scanned', 'unreachable']).toContain(r.code);
          expect(r.reason).toContain('StreamMaxLength');
          expect(r.reason).toContain('未被扫描');
        }
      }
    });

    it('a stream over maxStreamSize is refused before clamd sees it', async () => {
      const r = await overSocket().scan(pieces(noise(STREAM_MAX + 1), [1 << 20]));
      expect(r).toMatchObject({ status: 'error', code: 'not-scanned' });
    });

    it('concurrent scans get their own verdicts', async () => {
      const scanner = overSocket();
      const inputs = Array.from({ length: 8 }, (_, i) => {
        const data = noise(200_000 + i * 1000, i + 1);
        if (i % 2 === 1) data.set(eicar(), 1000 * i);
        return data;
      });
      const results = await Promise.all(inputs.map((d) => scanner.scan(d)));
      expect(results.map((r) => r.status)).toEqual(
        inputs.map((_, i) => (i % 2 === 1 ? 'infected' : 'clean')),
      );
    });

    it('an abort mid-scan rejects and leaves clamd serving', async () => {
      const controller = new AbortController();
      async function* slow(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < 1000; i++) {
          if (i === 3) controller.abort();
          yield noise(1000, i + 1);
        }
      }
      await expect(overSocket().scan(slow(), { signal: controller.signal })).rejects.toMatchObject({
        code: 'ABORTED',
      });
      expect(await overSocket().ping()).toBe(true);
    });
  },
);
