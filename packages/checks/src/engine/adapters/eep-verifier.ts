import { type ByteSource, type DigestAlgorithm, type Finding, isDanganError } from '@dangan/core';
import { type EepSignatureCheck, type EepVerification, verifyEep } from '@dangan/packaging';
import type { EepStreamVerifier } from '../entry-read.js';
import type { EepFact, EepSignatureFact } from '../facts.js';

/** Options of {@link packagingEepVerifier}. */
export interface EepVerifierOptions {
  /** Trust anchors (CA certificates, PEM or DER) the signing certificates must chain to. */
  readonly trustAnchors?: readonly (string | Uint8Array)[];
  /** Certificates of expected signers: their signatures verify within the single read, whatever their size. */
  readonly signers?: readonly (string | Uint8Array)[];
  /** When an EEP gives no 签名时间, certificate validity is checked at this time. */
  readonly time?: Date;
  /** Embedded-file digests besides SM3. */
  readonly digests?: readonly DigestAlgorithm[];
}

/**
 * The EEP verifier of `@dangan/packaging` (`verifyEep`: structure, every 电子签名 and the 锁定签名, certificate
 * validity and chain, each embedded file's size and digest) as the engine's stream verifier (封装包核验).
 * It reads the engine's channel — the same single read — and only when a signed object was too large to
 * keep and its signer was not given in `signers` does it read the entry a second time (the packaging
 * verifier then checks the bytes did not change between the reads).
 *
 * @example
 * await runChecks({ stage: 'preservation', source, verifyEep: packagingEepVerifier({ trustAnchors: [caPem] }) });
 */
export function packagingEepVerifier(options: EepVerifierOptions = {}): EepStreamVerifier {
  return async (channel, path, signal, reread) => {
    let first = true;
    const source: ByteSource = () => {
      if (first) {
        first = false;
        return channel;
      }
      if (reread === undefined) return channel; // a one-shot source: the verifier reports it cannot re-read
      return typeof reread === 'function' ? reread() : reread;
    };
    try {
      const v = await verifyEep(source, {
        name: path,
        ...(options.trustAnchors === undefined ? {} : { trustAnchors: options.trustAnchors }),
        ...(options.signers === undefined ? {} : { signers: options.signers }),
        ...(options.time === undefined ? {} : { time: options.time }),
        ...(options.digests === undefined ? {} : { digests: options.digests }),
        ...(signal === undefined ? {} : { signal }),
      });
      return eepFact(v, path);
    } catch (e) {
      if (isDanganError(e, 'ABORTED') || !isDanganError(e)) throw e;
      return {
        verified: false,
        structureFindings: e.findings.map((f) => ({ ...f, path: f.path ?? path })),
        signatures: [],
        fileFindings: [],
        findings: e.findings,
        files: 0,
      };
    }
  };
}

const isStructure = (f: Finding) =>
  f.code.startsWith('EEP_SCHEMA_') || (f.code.startsWith('EEP_RULE_') && f.code !== 'EEP_RULE_FILE_SIZE');
const isFile = (f: Finding) => f.code.startsWith('EEP_FILE_') || f.code === 'EEP_RULE_FILE_SIZE';

/**
 * The engine's {@link EepFact} from a packaging `EepVerification`.
 *
 * @example
 * eepFact(await verifyEep(bytes), '封装包/Z109.xml').signatures[0]?.status; // 'valid'
 */
export function eepFact(v: EepVerification, path: string): EepFact {
  const withPath = (f: Finding): Finding =>
    f.path === undefined ? { ...f, path } : { ...f, path: `${path}#${f.path}` };
  const fileFindings = v.findings.filter(isFile).map(withPath);
  for (const file of v.files) {
    if (file.status === 'invalid' && !fileFindings.some((f) => f.path?.endsWith(file.path))) {
      fileFindings.push({
        code: 'CHECK_EEP_FILE_INVALID',
        severity: 'error',
        message: `封装包中的文件“${file.fileName ?? file.path}”无法解码或大小与记录不符`,
        messageEn: `The embedded file "${file.fileName ?? file.path}" does not decode or its size differs from the record`,
        path: `${path}#${file.path}`,
      });
    }
  }
  return {
    verified: true,
    structureFindings: v.findings.filter(isStructure).map(withPath),
    signatures: v.signatures.map(signatureFact),
    fileFindings,
    findings: v.findings.map(withPath),
    files: v.files.length,
  };
}

/**
 * Problems the packaging verifier calls `cannot-verify` that are evidence of change, so the engine counts
 * them as `invalid`: a 锁定签名 whose locked 电子签名 is gone (its id was altered or the element removed),
 * and signed bytes that differed between two reads of the same entry.
 */
const TAMPER_PROBLEMS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'lock-target-missing',
  'source-changed',
]);

function signatureFact(c: EepSignatureCheck): EepSignatureFact {
  const lock = c.kind === 'lock';
  const problem = c.signature.problem ?? c.problem;
  const status = problem !== undefined && TAMPER_PROBLEMS.has(problem) ? 'invalid' : c.signature.status;
  const tri = (status: string): boolean | undefined =>
    status === 'valid' ? true : status === 'invalid' ? false : undefined;
  const reason = c.signature.message ?? c.message;
  const reasonEn = c.signature.messageEn ?? c.messageEn;
  return {
    id: c.id ?? (lock ? '锁定签名' : c.path),
    lock,
    status,
    ...(tri(c.validity.status) === undefined ? {} : { certificateValid: tri(c.validity.status)! }),
    ...(tri(c.chain.status) === undefined ? {} : { chainTrusted: tri(c.chain.status)! }),
    ...(reason === undefined || status === 'valid' ? {} : { reason }),
    ...(reasonEn === undefined || status === 'valid' ? {} : { reasonEn }),
  };
}
