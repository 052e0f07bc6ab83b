import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine/run-checks.js';
import { eepPackage, signatureValueRanges, signedEep } from './eep-fixtures.js';
import { buildPackage, fixedNow, sm3Hex, withEntry } from './fixtures.js';
import { errorPaths, itemOf } from './support.js';

/** `bytes` with the byte at `position` XORed with `mask` (1–255: always a change). */
function flip(bytes: Uint8Array, position: number, mask: number): Uint8Array {
  const out = bytes.slice();
  out[position] = out[position]! ^ mask;
  return out;
}

const RUNS = Number(process.env.TAMPER_RUNS ?? 15);

describe('tamper evidence: one flipped byte makes the right item fail and names the file', async () => {
  const pkg = await buildPackage();
  const registered = { digest: { algorithm: 'sm3', value: pkg.result.packageDigests.sm3! } };
  const paths = [...pkg.files.keys()];
  const content = paths.filter((p) => p.startsWith('电子文件/'));
  const manifest = pkg.result.manifestPath;

  it('a content file → fixity (GD-1-1) and content completeness fail, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...content),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (path, n, mask) => {
          const bytes = pkg.files.get(path)!;
          const report = await runChecks({
            stage: 'archiving',
            source: withEntry(pkg.files, path, flip(bytes, n % bytes.length, mask)),
            registered,
            now: fixedNow,
          });
          const fixity = itemOf(report, 'fixity');
          expect(fixity.status).toBe('fail');
          expect(errorPaths(fixity)).toContain(path);
          expect(fixity.findings.find((f) => f.path === path)?.code).toBe('CHECK_DIGEST_MISMATCH');
          expect(errorPaths(itemOf(report, 'content.complete'))).toContain(path);
          expect(report.summary.passed).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the metadata document → fixity fails naming it', async () => {
    const meta = '元数据.xml';
    const bytes = pkg.files.get(meta)!;
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const report = await runChecks({
          stage: 'archiving',
          source: withEntry(pkg.files, meta, flip(bytes, at, mask)),
          registered,
          now: fixedNow,
        });
        const fixity = itemOf(report, 'fixity');
        expect(fixity.status).toBe('fail');
        expect(errorPaths(fixity)).toContain(meta);
      }),
      { numRuns: RUNS },
    );
  });

  it('a metadata document that no longer parses also fails metadata readability (GD-3-1)', async () => {
    const meta = '元数据.xml';
    const bytes = pkg.files.get(meta)!;
    const broken = flip(bytes, Buffer.from(bytes).indexOf('</'), 0x01); // '<' → '=': not well-formed
    const report = await runChecks({
      stage: 'archiving',
      source: withEntry(pkg.files, meta, broken),
      now: fixedNow,
    });
    const readable = itemOf(report, 'metadata.readable');
    expect(readable.status).toBe('fail');
    expect(readable.findings.some((f) => f.path?.startsWith(meta))).toBe(true);
  });

  it('the manifest → the package digest (GD-1-14) fails naming it', async () => {
    const bytes = pkg.files.get(manifest)!;
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const report = await runChecks({
          stage: 'archiving',
          source: withEntry(pkg.files, manifest, flip(bytes, at, mask)),
          registered,
          now: fixedNow,
        });
        const digest = itemOf(report, 'package.digest');
        expect(digest.status).toBe('fail');
        expect(errorPaths(digest)).toEqual([manifest]);
      }),
      { numRuns: RUNS },
    );
  });

  it('an EEP signature → fixity fails naming the EEP', async () => {
    const { bytes } = await signedEep();
    const ranges = signatureValueRanges(bytes);
    const name = 'Z109-2024-D30-0012.eep';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ranges),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (range, n, mask) => {
          const at = range.start + (n % (range.end - range.start));
          const report = await runChecks({
            stage: 'preservation',
            source: eepPackage(flip(bytes, at, mask), name),
            now: fixedNow,
          });
          const fixity = itemOf(report, 'fixity');
          expect(fixity.status).toBe('fail');
          expect(errorPaths(fixity).some((p) => p.startsWith(name))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any byte of an EEP → the registered package digest fails; inside what the signatures cover, fixity too', async () => {
    const { bytes } = await signedEep();
    const name = 'x.eep';
    const registeredEep = { digest: { algorithm: 'sm3', value: sm3Hex(bytes) } };
    // What the signatures cover: 被签名对象 (each 电子签名) and the 电子签名 elements (the 锁定签名). The header before
    // (封装包格式描述 …) and the 锁定签名's own fields are signed by nothing (DA/T 48): the package digest covers them.
    const signedStart = Buffer.from(bytes).indexOf('<被签名对象');
    const lockStart = Buffer.from(bytes).indexOf('<锁定签名>');
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const report = await runChecks({
          stage: 'preservation',
          source: eepPackage(flip(bytes, at, mask), name),
          registered: registeredEep,
          now: fixedNow,
        });
        const digest = itemOf(report, 'package.digest');
        expect(digest.status).toBe('fail');
        expect(errorPaths(digest)).toEqual([name]);
        if (at >= signedStart && at < lockStart) {
          const fixity = itemOf(report, 'fixity');
          expect(fixity.status, `byte ${at}`).not.toBe('pass');
          expect(
            fixity.findings.some((f) => f.path?.startsWith(name) && f.severity === 'error'),
            `byte ${at}`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
