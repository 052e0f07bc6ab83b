import type { Finding } from '@dangan/core';
import type { CheckFacts } from '../../engine/facts.js';
import { finding, verdict } from '../../engine/outcome.js';
import type { ItemOutcome, RuleContext } from '../../engine/rule.js';

const NAME_CODES = /* @__PURE__ */ new Set([
  'ZIP_NAME_UNSAFE',
  'ZIP_NAME_DUPLICATE',
  'ZIP_NAME_CASE_COLLISION',
  'ZIP_NAME_NOT_UTF8',
  'ZIP_SYMLINK',
  'ZIP_ENTRY_OVERLAP',
  'ZIP_LOCAL_HEADER_MISMATCH',
  'ZIP_LIMIT_EXCEEDED',
]);

/**
 * Rule `package.structure` (信息包目录结构规范性, GD-1-13 and the 1-5 items): the package follows its
 * layout — the manifest exists, the layout it names is known, every part the layout calls for is where
 * it should be — and its container is sound (no unsafe, duplicate or case-colliding names, links or
 * overlapping entries; names not in UTF-8 are a warning). An EEP is checked against DA/T 48's structure
 * (the verifier's structure findings). A package whose structure no known layout recognises fails: pass
 * the host's own layout (`runChecks({ layouts })`) to check it.
 *
 * @example
 * structureRule(context); // { status: 'fail', findings: [{ code: 'ARCHIVAL_MANIFEST_MISSING', … }] }
 */
export function structureRule(context: RuleContext<CheckFacts>): ItemOutcome {
  const { facts } = context;
  const { view } = facts;
  const findings: Finding[] = facts.container.findings.filter((f) => NAME_CODES.has(f.code));
  switch (view.kind) {
    case 'archival':
    case 'transfer':
      findings.push(...(view.layout?.findings ?? []));
      break;
    case 'eep': {
      for (const e of facts.entries) if (e.eep !== undefined) findings.push(...e.eep.structureFindings);
      break;
    }
    default:
      findings.push(
        finding(
          'CHECK_LAYOUT_UNKNOWN',
          'error',
          '未能识别信息包的结构（不是已知的归档信息包、移交信息包布局或封装包）',
          'The package structure matches no known layout (archival package, transfer carrier or EEP)',
        ),
      );
  }
  return verdict(findings);
}
