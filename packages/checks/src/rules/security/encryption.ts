import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

/**
 * Encryption anywhere in the package (加密): ZIP entries of the package with the encryption bit, files
 * whose own format is encrypted (PDF `/Encrypt`, OLE2 `EncryptedPackage`, DOC/XLS encryption), and
 * encrypted entries inside ZIP-based files (OFD, OOXML).
 *
 * @example
 * encryptionFindings(facts).map((f) => f.path); // ['电子文件/密.pdf']
 */
export function encryptionFindings(facts: CheckFacts): Finding[] {
  const out: Finding[] = [];
  for (const e of facts.container.entries) {
    if (e.encrypted) {
      out.push(
        finding(
          'CHECK_ENTRY_ENCRYPTED',
          'error',
          `包中的条目“${e.path}”已加密（ZIP 加密位）`,
          `The package entry "${e.path}" is encrypted`,
          e.path,
        ),
      );
    }
  }
  for (const e of facts.entries) {
    if (e.pdfEncrypted === true || (e.format?.flags.encrypted === true && e.zip?.encrypted !== true)) {
      out.push(
        finding(
          'CHECK_FILE_ENCRYPTED',
          'error',
          `“${e.path}”是加密的 ${e.format?.name ?? '文件'}`,
          `"${e.path}" is an encrypted ${e.format?.name ?? 'file'}`,
          e.path,
        ),
      );
    }
    for (const name of e.container?.encrypted ?? []) {
      out.push(
        finding(
          'CHECK_NESTED_ENTRY_ENCRYPTED',
          'error',
          `“${e.path}”内的“${name}”已加密`,
          `"${name}" inside "${e.path}" is encrypted`,
          e.path,
        ),
      );
    }
  }
  return dedupe(out);
}

/**
 * Drops repeated findings (same code and path).
 *
 * @example
 * dedupe([a, a, b]).length; // 2
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.path ?? ''}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Rule `package.no-encryption` (加密检测, GD/YJ 3-4): nothing in the package is encrypted — neither the
 * package's ZIP entries nor any file in it, nor the entries of ZIP-based files (see {@link encryptionFindings}).
 * 《电子档案移交与接收办法》 requires decrypting before transfer.
 *
 * @example
 * noEncryptionRule(context).status; // 'pass'
 */
export function noEncryptionRule(context: RuleContext<CheckFacts>): ItemOutcome {
  return verdict(encryptionFindings(context.facts));
}
