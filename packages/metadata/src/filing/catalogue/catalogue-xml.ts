import { type SafeResult, safely, xmlToString } from '@dangan/core';
import { cellText } from './catalogue-columns.js';
import { type CatalogueEncoding, checkEncoding, encodeText, encodingLabel } from './text-encoding.js';
import type { CatalogueRow } from './types.js';

/** Options of {@link catalogueToXml}. */
export interface CatalogueXmlOptions {
  /** Output encoding, declared in the XML declaration (default `utf-8`; the rules allow GB18030, GB2312, UTF-8). */
  readonly encoding?: CatalogueEncoding;
  /** `文件` (default): `<文件目录>` / `<文件>`; `案卷`: `<案卷目录>` / `<案卷>` for volume-level transfers. */
  readonly level?: '文件' | '案卷';
  /** Indent the document (default `true`). */
  readonly pretty?: boolean;
  /** Line end (default `\r\n`, usual on the carriers' Windows readers). */
  readonly newline?: '\n' | '\r\n';
}

/**
 * The fields of each `<文件>` / `<案卷>` in 文件目录.XML, in order (《电子档案移交与接收办法》 附件2; high).
 * 顺序号 is the row's 序号.
 */
export const CATALOGUE_XML_FIELDS = [
  '顺序号',
  '档号',
  '责任者',
  '题名',
  '日期',
  '密级',
  '电子档案名称',
  '备注',
] as const;

/**
 * The catalogue as the bytes of `文件目录.XML` (or `案卷目录.XML` at volume level) for a 移交信息包 carrier
 * (《电子档案移交与接收办法》 附件2, packages-and-formats §3): root `<文件目录>`, one `<文件>` per row with
 * 顺序号, 档号, 责任者, 题名, 日期, 密级, 电子档案名称, 备注 (empty ones as empty elements), in UTF-8 or GB18030
 * with the encoding named in the XML declaration. Written with core's escaping XmlWriter, so text is escaped
 * and characters XML 1.0 forbids are refused (`XML_INVALID_CHARACTER`). In GB18030, a character the runtime
 * cannot map (a private-use code point such as U+E5E5) is written as a character reference (`&#xE5E5;`).
 *
 * @example
 * const bytes = catalogueToXml(buildCatalogue(items).rows, { encoding: 'gb18030' });
 * new TextDecoder('gb18030').decode(bytes).split('\r\n')[0]; // '<?xml version="1.0" encoding="GB18030"?>'
 */
export function catalogueToXml(rows: readonly CatalogueRow[], options: CatalogueXmlOptions = {}): Uint8Array {
  if (!Array.isArray(rows)) throw new TypeError('rows must be an array');
  const encoding = checkEncoding(options.encoding ?? 'utf-8');
  const level = options.level ?? '文件';
  if (level !== '文件' && level !== '案卷')
    throw new RangeError(`level must be '文件' or '案卷', got ${String(level)}`);
  const newline = options.newline ?? '\r\n';
  if (newline !== '\n' && newline !== '\r\n') throw new RangeError("newline must be '\\n' or '\\r\\n'");
  const pretty = options.pretty ?? true;
  const body = xmlToString(
    (w) => {
      w.startElement(`${level}目录`);
      for (const row of rows) {
        if (row === null || typeof row !== 'object') throw new TypeError('each row must be a CatalogueRow');
        w.startElement(level);
        for (const field of CATALOGUE_XML_FIELDS) {
          w.element(field, field === '顺序号' ? String(row.序号) : cellText(row, field));
        }
        w.endElement();
      }
      w.endElement();
    },
    { pretty, newline },
  );
  const declaration = `<?xml version="1.0" encoding="${encodingLabel(encoding)}"?>${pretty ? newline : ''}`;
  return encodeText(declaration + body, encoding, {
    fallback: (cp) => `&#x${cp.toString(16).toUpperCase()};`,
  });
}

/**
 * {@link catalogueToXml} as a result (fails on a character XML 1.0 forbids, or a runtime without a GB18030
 * decoder).
 *
 * @example
 * const r = safeCatalogueToXml(rows, { encoding: 'gb18030', level: '文件' });
 */
export function safeCatalogueToXml(
  rows: readonly CatalogueRow[],
  options: CatalogueXmlOptions = {},
): SafeResult<Uint8Array> {
  return safely(() => catalogueToXml(rows, options));
}
