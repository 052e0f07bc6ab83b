import {
  type ByteSource,
  createHasher,
  type DigestAlgorithm,
  type Finding,
  type Hasher,
  isByteSource,
  parseDigestAlgorithm,
  type SafeResult,
  safelyAsync,
  sm2,
} from '@dangan/core';
import type { EncodingModel, LayerModel, SignatureModel } from '../read/collector.js';
import { type EepReadOptions, runEepPass } from '../read/pass.js';
import { isRereadable } from '../read/source.js';
import { eepFinding } from '../validate/codes.js';
import { encodingsOf, resolveEncoding } from '../validate/rules.js';
import { isSchemaError } from '../validate/validate-eep.js';
import { type ReadCertificate, readCertificate } from './certificates.js';
import {
  judgeSignature,
  type PreparedSignature,
  prepareSignature,
  type SigningKey,
} from './signature-check.js';
import {
  digestKey,
  hashRanges,
  type KnownSigner,
  type RangeDigestRequest,
  SignedObjectCaptures,
} from './signed-bytes.js';
import type { EepFileCheck, EepSignatureCheck, EepSignatureProblem, EepVerification } from './types.js';

/** Options of {@link verifyEep}. */
export interface VerifyEepOptions extends EepReadOptions {
  /**
   * Trusted root (or intermediate) certificates, DER or PEM (信任锚). Each signing certificate must chain to
   * one. Without anchors every chain is `cannot-verify` — never `valid`.
   */
  readonly trustAnchors?: readonly (Uint8Array | string)[];
  /**
   * Certificates (DER or PEM) of signers you expect, e.g. the archive's own signing certificate. Their keys'
   * digests are computed while the package streams by, so a package they signed verifies in a single read,
   * even from a one-shot stream. Others need a second read of the source (or fit the buffer).
   */
  readonly signers?: readonly (Uint8Array | string)[];
  /** Digests of each embedded file besides SM3 (`sha256` …). */
  readonly digests?: readonly DigestAlgorithm[];
  /** When 签名时间 is absent, check certificate validity at this time (else that check is `cannot-verify`). */
  readonly time?: Date;
  /** Report an unsigned package as an error (default `false`: a warning-free pass). */
  readonly requireSignature?: boolean;
  /**
   * Bytes of signed objects kept in memory so that their signatures verify without a second read
   * (default 8 MiB in all).
   */
  readonly maxBufferedBytes?: number;
}

type Unavailable = { readonly problem: EepSignatureProblem; readonly zh: string; readonly en: string };

function readCertificates(
  list: readonly (Uint8Array | string)[] | undefined,
  name: string,
): ReadCertificate[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw new TypeError(`${name} must be an array of certificates`);
  return list.map((c, i) => {
    const read = c instanceof Uint8Array || typeof c === 'string' ? readCertificate(c) : undefined;
    if (read === undefined)
      throw new RangeError(`${name}[${i}] is not a readable X.509 certificate (DER or PEM)`);
    return read;
  });
}

function checkOptions(source: unknown, options: VerifyEepOptions): void {
  if (!isByteSource(source)) throw new TypeError('source must be a ByteSource (Uint8Array, Blob, stream …)');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  if (
    options.time !== undefined &&
    !(options.time instanceof Date && !Number.isNaN(options.time.getTime()))
  ) {
    throw new TypeError('options.time must be a valid Date');
  }
  const budget = options.maxBufferedBytes;
  if (budget !== undefined && !(Number.isSafeInteger(budget) && budget >= 0)) {
    throw new RangeError(`maxBufferedBytes must be a non-negative integer, got ${String(budget)}`);
  }
}

/** Hashers of one embedded file's decoded bytes. */
interface FileDigest {
  digests: Partial<Record<DigestAlgorithm, string>> | undefined;
}

/**
 * Verifies an EEP (封装包验证), streaming, with bounded memory whatever the size of the files it embeds:
 *
 * - **structure**: the DA/T 48 schema and dangan's rules (see `validateEepStructure`);
 * - **signatures**: every 电子签名 against the exact bytes of the 被签名对象 it belongs to — the outer
 *   电子签名块 against the outer 被签名对象, each 原封装包's 电子签名块 against its nested 被签名对象 — and
 *   the 锁定签名 against the exact bytes of the locked 电子签名, by the dangan signing rule (SM2/SM3, user id
 *   from 签名规则, default `1234567812345678`); each signing certificate's validity at 签名时间; and, with
 *   `trustAnchors`, the chain to an anchor (without anchors the chain is `cannot-verify`, never `valid`);
 * - **files**: each 编码数据 decoded as it streams, its size against 计算机文件大小 and its SM3 (and other)
 *   digests; 引用编码数据ID resolved to the earlier layer's data.
 *
 * Each signature is `valid`, `invalid` or `cannot-verify` with a reason. The signer's key and user id follow
 * the signed bytes in the file, so e = SM3(Z_A ‖ M) is computed on a second read of the source, hashing only
 * the signed byte ranges — unless the signed objects are small (kept in memory) or the signer was named in
 * `signers` (hashed during the one read). A one-shot stream that would need a second read leaves its
 * signatures `cannot-verify`.
 *
 * Malformed XML gives `valid: false` with the XML error as a finding; only unreadable sources and aborts
 * throw.
 *
 * @example
 * const result = await verifyEep(fromFile('件.eep'), { trustAnchors: [caPem] });
 * if (!result.valid) for (const f of result.findings) console.log(f.path, f.message);
 * for (const s of result.signatures) console.log(s.id, s.status, s.problem);
 */
export async function verifyEep(
  source: ByteSource,
  options: VerifyEepOptions = {},
): Promise<EepVerification> {
  checkOptions(source, options);
  const anchors = readCertificates(options.trustAnchors, 'trustAnchors');
  const known: KnownSigner[] = (readCertificates(options.signers, 'signers') ?? [])
    .filter((c) => c.publicKey !== undefined)
    .map((c) => ({ publicKey: c.publicKey!, userId: sm2.DEFAULT_USER_ID }));
  const algorithms = [
    ...new Set<DigestAlgorithm>(['sm3', ...(options.digests ?? []).map(parseDigestAlgorithm)]),
  ];
  const captures = new SignedObjectCaptures(known, options.maxBufferedBytes ?? 8 << 20);
  const files = new Map<EncodingModel, FileDigest>();

  const pass = await runEepPass(source, {
    ...options,
    captureSignedObject: () => captures.sink(),
    captureSignatures: 1 << 20,
    onData(encoding) {
      const hashers: Hasher[] = algorithms.map((a) => createHasher(a));
      const entry: FileDigest = { digests: undefined };
      files.set(encoding, entry);
      return {
        bytes(bytes) {
          for (const h of hashers) h.update(bytes);
        },
        end(ok) {
          if (!ok) return;
          const digests: Partial<Record<DigestAlgorithm, string>> = {};
          algorithms.forEach((a, i) => {
            digests[a] = hashers[i]!.digestHex();
          });
          entry.digests = digests;
        },
      };
    },
  });

  const findings: Finding[] = [...pass.findings];
  const structure = {
    valid: !pass.findings.some((f) => f.severity === 'error'),
    schemaValid: !pass.findings.some(isSchemaError),
  };
  const model = pass.model;
  const layers = model.layers;
  const current = layers[layers.length - 1];
  let reads = 1;
  const checks: EepSignatureCheck[] = [];
  let lockCheck: EepSignatureCheck | undefined;

  if (pass.xmlError === undefined) {
    const prepared: { p: PreparedSignature; layer: LayerModel | undefined }[] = [];
    for (const layer of layers)
      for (const s of layer.signatures) prepared.push({ p: prepareSignature(s), layer });
    const lock = model.lock === undefined ? undefined : prepareSignature(model.lock);

    // Digests of signed bytes: captured in the pass, or pending a second read.
    const digests = new Map<string, Uint8Array | Unavailable>();
    const pending: RangeDigestRequest[] = [];
    const cacheKey = (start: number, key: SigningKey, userId: string) =>
      `${start}|${digestKey(key.publicKey, userId)}`;
    const bytesUnknown = (why: string, whyEn: string): Unavailable => ({
      problem: 'bytes-unknown',
      zh: why,
      en: whyEn,
    });
    for (const { p, layer } of prepared) {
      if (p.blocked !== undefined || layer === undefined) continue;
      const range = layer.range;
      for (const key of p.keys) {
        const k = cacheKey(range?.start ?? -1, key, p.userId);
        if (digests.has(k)) continue;
        if (!pass.rangesKnown || range === undefined) {
          digests.set(
            k,
            bytesUnknown(
              '无法定位被签名对象的字节（封装包不是 UTF-8 编码，或结构无法跟踪）',
              'the bytes of 被签名对象 cannot be located (the package is not UTF-8, or its structure cannot be followed)',
            ),
          );
          continue;
        }
        const captured = captures.captured.get(range.start);
        const early = captured?.digests.get(digestKey(key.publicKey, p.userId));
        if (early !== undefined) digests.set(k, early);
        else if (captured?.bytes !== undefined) {
          digests.set(
            k,
            sm2.createMessageHasher(key.publicKey, { userId: p.userId }).update(captured.bytes).digest(),
          );
        } else {
          pending.push({ start: range.start, end: range.end, publicKey: key.publicKey, userId: p.userId });
          digests.set(k, bytesUnknown('', ''));
        }
      }
    }
    if (pending.length > 0) {
      const outer = current?.range;
      const expected = outer === undefined ? undefined : captures.captured.get(outer.start)?.sha256;
      let problem: Unavailable | undefined;
      if (outer === undefined) {
        problem = bytesUnknown('无法定位被签名对象的字节', 'the bytes of 被签名对象 cannot be located');
      } else if (!isRereadable(source)) {
        problem = {
          problem: 'source-not-rereadable',
          zh: '验证需要再读一次封装包，但来源是只能读一次的流；请传入可重复读取的来源（函数、Uint8Array、Blob）或在 signers 中给出签名人证书',
          en: 'verification needs a second read but the source is a one-shot stream; pass a re-readable source (a function, Uint8Array, Blob) or name the signer in `signers`',
        };
      } else {
        reads = 2;
        const sha = await hashRanges(source, pending, outer, options);
        if (expected === undefined || sha !== expected) {
          problem = {
            problem: 'source-changed',
            zh: '第二次读取封装包时被签名对象的字节与第一次不同，签名无法验证',
            en: 'the bytes of 被签名对象 differed on the second read; the signature cannot be verified',
          };
          findings.push(
            eepFinding(
              'EEP_SOURCE_CHANGED',
              '第二次读取封装包时被签名对象的字节与第一次不同：来源在验证期间被改动',
              'the 被签名对象 bytes differed on the second read: the source changed during verification',
              { path: current?.path ?? '/' },
            ),
          );
        }
      }
      for (const r of pending) {
        const k = `${r.start}|${digestKey(r.publicKey, r.userId)}`;
        digests.set(
          k,
          problem ??
            r.digest ??
            bytesUnknown('被签名对象的字节不完整', 'the 被签名对象 bytes are incomplete'),
        );
      }
    }

    const judgeOptions = { anchors, time: options.time };
    for (const { p, layer } of prepared) {
      const start = layer?.range?.start ?? -1;
      checks.push(
        judgeSignature(
          p,
          (key) => digests.get(cacheKey(start, key, p.userId))!,
          layer?.modification ?? 0,
          judgeOptions,
        ),
      );
    }
    if (lock !== undefined) {
      const target = current?.signatures.find((s) => s.id !== undefined && s.id === lock.model.lockedId);
      const bytes = lockedBytes(target, pass.signatureBytes, pass.rangesKnown);
      lockCheck = judgeSignature(
        lock,
        (key) =>
          bytes instanceof Uint8Array
            ? sm2.createMessageHasher(key.publicKey, { userId: lock.userId }).update(bytes).digest()
            : bytes,
        current?.modification ?? 0,
        judgeOptions,
      );
      checks.push(lockCheck);
    }
    for (const c of checks) findings.push(...signatureFindings(c));
  }

  const signed = layers.some((l) => l.signatures.length > 0);
  if (options.requireSignature === true && !signed && pass.xmlError === undefined) {
    findings.push(
      eepFinding('EEP_SIGNATURE_MISSING', '封装包没有电子签名', 'The package is not signed', {
        path: '/电子文件封装包',
      }),
    );
  }
  const fileChecks = fileResults(layers, files);
  const valid =
    !findings.some((f) => f.severity === 'error') && fileChecks.every((f) => f.status === 'valid');
  return {
    valid,
    trusted: valid && signed && checks.length > 0 && checks.every((c) => c.status === 'valid'),
    signed,
    packageType: current?.packageType,
    modifications: Math.max(layers.length - 1, 0),
    structure,
    signatures: checks,
    lock: lockCheck,
    files: fileChecks,
    findings,
    reads,
  };
}

function lockedBytes(
  target: SignatureModel | undefined,
  captured: ReadonlyMap<number, Uint8Array>,
  rangesKnown: boolean,
): Uint8Array | Unavailable {
  if (target === undefined) {
    return {
      problem: 'lock-target-missing',
      zh: '被锁定签名标识符没有指向本封装包电子签名块中的电子签名',
      en: '被锁定签名标识符 names no 电子签名 of the package’s own 电子签名块',
    };
  }
  const bytes = target.range === undefined ? undefined : captured.get(target.range.start);
  if (!rangesKnown || bytes === undefined) {
    return {
      problem: 'bytes-unknown',
      zh: '无法取得被锁定的电子签名的字节',
      en: 'the bytes of the locked 电子签名 are not available',
    };
  }
  return bytes;
}

function signatureFindings(c: EepSignatureCheck): Finding[] {
  if (c.status === 'valid') return [];
  const what = c.kind === 'lock' ? `锁定签名（锁定“${c.id ?? ''}”）` : `电子签名“${c.id ?? ''}”`;
  const whatEn = c.kind === 'lock' ? `The 锁定签名 (locking "${c.id ?? ''}")` : `Signature "${c.id ?? ''}"`;
  return [
    eepFinding(
      c.status === 'invalid' ? 'EEP_SIGNATURE_INVALID' : 'EEP_SIGNATURE_CANNOT_VERIFY',
      `${what}${c.status === 'invalid' ? '验证不通过' : '无法验证'}：${c.message ?? c.problem ?? ''}`,
      `${whatEn} ${c.status === 'invalid' ? 'does not verify' : 'cannot be verified'}: ${c.messageEn ?? c.problem ?? ''}`,
      { path: c.path },
      { item: 'GD-1-1' },
    ),
  ];
}

function fileResults(
  layers: readonly LayerModel[],
  files: ReadonlyMap<EncodingModel, FileDigest>,
): EepFileCheck[] {
  const byDataId = new Map<string, EncodingModel>();
  for (const layer of layers) {
    for (const c of encodingsOf(layer))
      if (c.dataId !== undefined && !byDataId.has(c.dataId)) byDataId.set(c.dataId, c);
  }
  const out: EepFileCheck[] = [];
  for (const layer of layers) {
    for (const c of encodingsOf(layer)) {
      const source = c.referencedDataId === undefined ? c : resolveEncoding(c, byDataId);
      const digests = source === undefined ? undefined : files.get(source)?.digests;
      const decodedSize = digests === undefined ? undefined : source!.decodedSize;
      const declared = c.declaredSize?.trim();
      const sizeMatches =
        declared === undefined || decodedSize === undefined || !/^[0-9]+$/.test(declared)
          ? undefined
          : BigInt(declared) === BigInt(decodedSize);
      out.push({
        encodingId: c.id,
        dataId: c.dataId,
        referencedDataId: c.referencedDataId,
        fileName: c.fileName,
        modification: c.modification,
        path: c.path,
        declaredSize: c.declaredSize,
        decodedSize,
        sizeMatches,
        digests: digests ?? {},
        status: decodedSize !== undefined && sizeMatches !== false ? 'valid' : 'invalid',
      });
    }
  }
  return out;
}

/**
 * {@link verifyEep} returning a {@link SafeResult} (an unreadable source gives `ok: false`).
 *
 * @example
 * const r = await safeVerifyEep(bytes, { trustAnchors: [ca] });
 * if (r.ok) console.log(r.value.valid, r.value.trusted);
 */
export function safeVerifyEep(
  source: ByteSource,
  options: VerifyEepOptions = {},
): Promise<SafeResult<EepVerification>> {
  return safelyAsync(() => verifyEep(source, options));
}
