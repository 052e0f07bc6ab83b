import { type ByteSource, type Finding, isByteSource, type SafeResult, safelyAsync } from '@dangan/core';
import { type EepReadOptions, runEepPass } from '../read/pass.js';
import { EEP_FINDING_CODES, type EepFindingCode } from './codes.js';

/** Options of {@link validateEepStructure}. */
export type ValidateEepOptions = EepReadOptions;

/** What {@link validateEepStructure} found (结构校验结果). */
export interface EepStructureValidation {
  /** No error finding: the DA/T 48 schema and dangan's rules hold. */
  readonly valid: boolean;
  /**
   * No `schema`-level error that libxml2 checks: what `xmllint --schema dat48-2009-eep.xsd` accepts.
   * libxml2 neither resolves IDREFs nor registers IDs given in element content, so
   * `EEP_SCHEMA_IDREF_UNRESOLVED` and `EEP_SCHEMA_DUPLICATE_ELEMENT_ID` do not count here (they still make
   * `valid` false).
   */
  readonly schemaValid: boolean;
  /** Every finding, with element paths (`/电子文件封装包/被签名对象/…`), in Chinese and English. */
  readonly findings: readonly Finding[];
}

/** Schema checks libxml2 does not make. */
const LIBXML2_OMITS = new Set(['EEP_SCHEMA_IDREF_UNRESOLVED', 'EEP_SCHEMA_DUPLICATE_ELEMENT_ID']);

/**
 * Whether a finding is an error `xmllint --schema` also reports: a schema-level code (see
 * {@link EEP_FINDING_CODES}) other than the two libxml2 omits (`EEP_SCHEMA_IDREF_UNRESOLVED`,
 * `EEP_SCHEMA_DUPLICATE_ELEMENT_ID`), or an error of the XML itself.
 *
 * @example
 * findings.some(isSchemaError); // what xmllint would reject
 */
export function isSchemaError(finding: Finding): boolean {
  if (finding.severity !== 'error' || LIBXML2_OMITS.has(finding.code)) return false;
  if (Object.hasOwn(EEP_FINDING_CODES, finding.code)) {
    return EEP_FINDING_CODES[finding.code as EepFindingCode].level === 'schema';
  }
  // The XML's own errors (not well-formed, encoding …) fail the schema too.
  return finding.code.startsWith('XML_');
}

/**
 * Validates an EEP's structure (封装包结构校验) in one streaming pass: the DA/T 48-2009 schema (element tree,
 * cardinalities, choices, fixed and default values, simple types, xs:ID syntax and document-wide uniqueness,
 * IDREF targets, the signature block both-or-neither) from the data table `DAT48_SCHEMA`, and dangan's rules
 * the schema does not state (封装包类型 agrees with its description and content; 计算机文件大小 is the
 * decoded length of 编码数据; 反编码关键字 is the file's extension; plausible 日期/行为时间; 修改R-签名S
 * signature ids; the 锁定签名 locks one of the package's own signatures; 引用编码数据ID points into earlier
 * layers). Every finding has the element's path and Chinese and English text.
 *
 * A document that is not even well-formed XML is invalid, with the XML error as a finding; this function
 * throws only when the source cannot be read (`BYTES_READ_FAILED`) or the signal aborts. Memory stays
 * bounded whatever the size of the embedded files.
 *
 * @example
 * const { valid, findings } = await validateEepStructure(fromFile('Z109-WS·2024-Y-0001.eep'));
 * for (const f of findings) console.log(f.path, f.message);
 */
export async function validateEepStructure(
  source: ByteSource,
  options: ValidateEepOptions = {},
): Promise<EepStructureValidation> {
  if (!isByteSource(source)) throw new TypeError('source must be a ByteSource (Uint8Array, Blob, stream …)');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const pass = await runEepPass(source, options);
  const findings = pass.findings;
  return {
    valid: !findings.some((f) => f.severity === 'error'),
    schemaValid: !findings.some(isSchemaError),
    findings,
  };
}

/**
 * {@link validateEepStructure} returning a {@link SafeResult} (a source that cannot be read gives
 * `ok: false`).
 *
 * @example
 * const r = await safeValidateEepStructure(bytes);
 * if (r.ok && !r.value.valid) console.table(r.value.findings);
 */
export function safeValidateEepStructure(
  source: ByteSource,
  options: ValidateEepOptions = {},
): Promise<SafeResult<EepStructureValidation>> {
  return safelyAsync(() => validateEepStructure(source, options));
}
