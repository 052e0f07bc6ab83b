import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { cannotEvaluate, finding, notApplicable, unreadableEntry, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';
import { compareDigests } from './stated-digests.js';

/**
 * Rule `fixity` (固化信息有效性, GD/YJ/BC 1-1): the fixity information the package carries is still valid.
 *
 * - **Manifest digests:** every digest the manifest (清单) states for a file is compared with the one the
 *   single read computed (a mismatch names the file); a file the manifest lists but the package lacks, or
 *   that could not be read, fails; so does a manifest that cannot be read. Algorithms outside the profile's
 *   `digestAlgorithms` give a warning.
 * - **EEP signatures** (DA/T 48): each signature and the 锁定签名 must verify against the signed bytes; the
 *   certificate must have been valid at the signing time; with trust anchors given, it must chain to one
 *   (without anchors the chain is reported `cannot-verify`, as a note); each embedded file's digest and size
 *   must match.
 * - **OFD e-seals** (GB/T 38540) are **reported, not verified**: an info finding per OFD that declares
 *   signatures.
 *
 * A package with none of this fails (no fixity information), unless the item param `requireFixity` is
 * `false`, when the item is `not-applicable`. An EEP the engine could not verify (no verifier) makes the
 * item `error`.
 *
 * @example
 * const outcome = await fixityRule(context, item); // { status: 'fail', findings: [{ code: 'CHECK_DIGEST_MISMATCH', path: '电子文件/…' }] }
 */
export function fixityRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts, parameters } = context;
  const findings: Finding[] = [];
  let verified = 0;
  const manifest = facts.view.manifest;
  if (manifest !== undefined) {
    const broken = manifest.findings.filter((f) => f.severity === 'error');
    if (broken.length > 0) {
      findings.push(
        finding(
          'CHECK_MANIFEST_UNREADABLE',
          'error',
          `清单“${manifest.path}”无法读取，其中的摘要无法核验`,
          `The manifest "${manifest.path}" cannot be read; its digests cannot be verified`,
          manifest.path,
        ),
        ...broken,
      );
    }
    for (const row of manifest.entries) {
      if (row.digests.length === 0) continue;
      const fact = facts.entry(row.path);
      if (fact === undefined) {
        findings.push(
          finding(
            'CHECK_FIXITY_FILE_MISSING',
            'error',
            `清单列出的“${row.path}”不在包中，其摘要无法核验`,
            `"${row.path}" is listed in the manifest but absent`,
            row.path,
          ),
        );
        continue;
      }
      if (!fact.read) {
        findings.push(unreadableEntry(fact, row.path));
        continue;
      }
      if (row.size !== undefined && row.size !== fact.size) {
        findings.push(
          finding(
            'CHECK_SIZE_MISMATCH',
            'error',
            `“${row.path}”实有 ${fact.size} 字节，清单记为 ${row.size}`,
            `"${row.path}" has ${fact.size} bytes; the manifest says ${row.size}`,
            row.path,
          ),
        );
      }
      const r = compareDigests(fact, row.digests, {
        ...(parameters.digestAlgorithms === undefined ? {} : { accepted: parameters.digestAlgorithms }),
        from: '清单',
        fromEn: 'the manifest',
      });
      findings.push(...r.findings);
      verified += r.compared;
    }
  }

  let unverifiedEeps = 0;
  for (const fact of facts.entries) {
    if (fact.role === 'eep' && fact.read && fact.eep === undefined) unverifiedEeps++;
    const eep = fact.eep;
    if (eep !== undefined) {
      verified++;
      findings.push(...eep.fileFindings.map((f) => ({ ...f, path: f.path ?? fact.path })));
      if (!eep.verified) {
        findings.push(
          finding(
            'CHECK_EEP_UNVERIFIED',
            'error',
            `封装包“${fact.path}”未能完成核验`,
            `The EEP "${fact.path}" could not be verified`,
            fact.path,
          ),
        );
      }
      if (eep.signatures.length === 0) {
        findings.push(
          finding(
            'CHECK_EEP_UNSIGNED',
            'error',
            `封装包“${fact.path}”没有电子签名`,
            `The EEP "${fact.path}" carries no signature`,
            fact.path,
          ),
        );
      }
      for (const s of eep.signatures) {
        const who = s.lock ? '锁定签名' : `电子签名“${s.id}”`;
        const whoEn = s.lock ? 'the lock signature' : `signature "${s.id}"`;
        if (s.status === 'invalid') {
          findings.push(
            finding(
              'CHECK_SIGNATURE_INVALID',
              'error',
              `封装包“${fact.path}”的${who}验证失败${s.reason === undefined ? '' : `：${s.reason}`}`,
              `${whoEn} of the EEP "${fact.path}" does not verify${s.reasonEn === undefined ? '' : `: ${s.reasonEn}`}`,
              fact.path,
            ),
          );
        } else if (s.status === 'cannot-verify') {
          findings.push(
            finding(
              'CHECK_SIGNATURE_CANNOT_VERIFY',
              'warning',
              `封装包“${fact.path}”的${who}无法验证${s.reason === undefined ? '' : `：${s.reason}`}`,
              `${whoEn} of the EEP "${fact.path}" cannot be verified${s.reasonEn === undefined ? '' : `: ${s.reasonEn}`}`,
              fact.path,
            ),
          );
        }
        if (s.certificateValid === false) {
          findings.push(
            finding(
              'CHECK_CERTIFICATE_INVALID',
              'error',
              `封装包“${fact.path}”${who}的证书在签名时不在有效期内`,
              `The certificate of ${whoEn} of "${fact.path}" was not valid at the signing time`,
              fact.path,
            ),
          );
        }
        if (s.chainTrusted === false) {
          findings.push(
            finding(
              'CHECK_CERTIFICATE_UNTRUSTED',
              'error',
              `封装包“${fact.path}”${who}的证书不能链接到任何信任锚`,
              `The certificate of ${whoEn} of "${fact.path}" chains to no trust anchor`,
              fact.path,
            ),
          );
        } else if (s.chainTrusted === undefined && s.status === 'valid' && facts.trustAnchors === 0) {
          findings.push(
            finding(
              'CHECK_CERTIFICATE_CHAIN_NOT_CHECKED',
              'info',
              `未提供信任锚，封装包“${fact.path}”${who}的证书链未验证`,
              `No trust anchors were given: the certificate chain of ${whoEn} of "${fact.path}" was not checked`,
              fact.path,
            ),
          );
        }
      }
    }
    if (fact.ofd !== undefined && fact.ofd.signatures > 0) {
      findings.push(
        finding(
          'CHECK_OFD_SIGNATURE_UNVERIFIED',
          'info',
          `OFD“${fact.path}”声明了 ${fact.ofd.signatures} 个电子签章（${fact.ofd.signatureLists.join('、')}），仅报告存在，未验证`,
          `The OFD "${fact.path}" declares ${fact.ofd.signatures} e-seal(s); reported, not verified`,
          fact.path,
        ),
      );
    }
  }

  if (verified === 0 && manifest === undefined && unverifiedEeps === 0) {
    if (context.itemParams.requireFixity === false) {
      return notApplicable(
        '包中没有固化信息（清单摘要、电子签名）',
        'The package carries no fixity information',
        findings,
      );
    }
    findings.push(
      finding(
        'CHECK_FIXITY_MISSING',
        'error',
        '包中没有可核验的固化信息（清单中的数字摘要、封装包电子签名）',
        'The package carries no fixity information to verify (manifest digests, EEP signatures)',
      ),
    );
  }
  const outcome = verdict(findings);
  if (outcome.status !== 'fail' && unverifiedEeps > 0) {
    return cannotEvaluate(
      `没有封装包验证器，${unverifiedEeps} 个封装包的签名未核验`,
      `No EEP verifier: the signatures of ${unverifiedEeps} EEP(s) were not verified`,
      findings,
    );
  }
  return outcome;
}
