/** Severity of a {@link Finding}: `error` fails the thing checked, `warning` needs a look, `info` is a note. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One observation about an input (发现项): the unit every validator, reader and check reports in.
 *
 * `message` is Chinese (zh-CN); `messageEn` is the English rendering where the producer has one.
 * `path` locates the problem (a file path, an XML path, a record path), `element` names the metadata
 * element number (`M22`) and `item` the DA/T 70 check item (`GD-1-1`) when the finding is about one.
 *
 * @example
 * const f: Finding = { code: 'XML_DOCTYPE_FORBIDDEN', severity: 'error', message: '禁止 DOCTYPE 声明', path: 'eep.xml:1:1' };
 */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageEn?: string;
  readonly path?: string;
  readonly element?: string;
  readonly item?: string;
}
