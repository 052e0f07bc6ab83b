import { latin1 } from '../binary.js';
import type { FormatId, TextEncodingName } from '../format-info.js';
import type { InspectReader } from '../inspect-reader.js';
import {
  byteOrderMark,
  decodeLoosely,
  decodesCleanly,
  looksLikeText,
  sniffTextEncoding,
} from '../text-encoding.js';
import { readXmlHead } from '../xml-head.js';
import type { Draft, Probe } from './probe.js';

const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'cp936',
  'x-gbk',
  'euc-cn',
  'csgb2312',
  'gb_2312-80',
  'windows-936',
]);

/**
 * Markup and plain text, tried last: XML (`<?xml`, with or without a BOM, UTF-16 without a BOM too;
 * encoding from the BOM or the declaration, checked against the bytes), SVG and HTML by their root, and
 * plain text as UTF-8, GB 18030 or UTF-16 with a BOM. UTF-8 is validated strictly over the inspected
 * bytes, allowing only a sequence cut by the end of the inspection.
 */
export const probeText: Probe = async ({ reader, head, budget }) => {
  if (head.length === 0) return undefined;
  const markup = await probeMarkup(reader, head, budget);
  if (markup !== undefined) return markup;
  // A cheap look at the head first: binary files fail here without reading the rest of the budget.
  if (sniffTextEncoding(head, !isWhole(reader, head)) === undefined) return undefined;
  const sample = await sampleOf(reader, head, budget);
  const sniff = sniffTextEncoding(sample, !isWhole(reader, sample));
  if (sniff === undefined) return undefined;
  return {
    id: 'text',
    pronom: 'x-fmt/111',
    encoding: sniff.encoding,
    details: { bom: sniff.bom, ascii: sniff.ascii, encodingValid: true },
  };
};

function isWhole(reader: InspectReader, bytes: Uint8Array): boolean {
  return reader.size !== undefined && bytes.length >= reader.size;
}

async function sampleOf(reader: InspectReader, head: Uint8Array, budget: number): Promise<Uint8Array> {
  if (isWhole(reader, head)) return head;
  return reader.read(0, budget);
}

/** Encoding family of the first bytes: a BOM, UTF-16 `<?` without BOM, or ASCII-compatible. */
function family(head: Uint8Array): { encoding?: TextEncodingName; bomLength: number } {
  const bom = byteOrderMark(head);
  if (bom !== undefined) return { encoding: bom.encoding, bomLength: bom.length };
  if (head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f && head[3] === 0)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0 && head[1] === 0x3c && head[2] === 0 && head[3] === 0x3f)
    return { encoding: 'utf-16be', bomLength: 0 };
  return { bomLength: 0 };
}

async function probeMarkup(
  reader: InspectReader,
  head: Uint8Array,
  budget: number,
): Promise<Draft | undefined> {
  const { encoding: fromBytes, bomLength } = family(head);
  const utf16 = fromBytes === 'utf-16le' || fromBytes === 'utf-16be';
  // Declarations are ASCII; in UTF-16 they need decoding first.
  const prolog = utf16
    ? (decodeLoosely(head.subarray(bomLength, bomLength + 1024), fromBytes) ?? '')
    : latin1(head, bomLength, 1024);
  const start = prolog.trimStart();
  const declared = start.startsWith('<?xml') && /[\s?]/.test(start[5] ?? '');
  const htmlStart = /^<(!doctype\s+html|html[\s>])/i.test(start);
  if (!declared && !htmlStart && !(start.startsWith('<') && /^<[A-Za-z_:!]/.test(start))) return undefined;

  const declarationEnd = prolog.indexOf('?>');
  const declaration = declarationEnd < 0 ? prolog : prolog.slice(0, declarationEnd);
  const declaredEncoding = declared ? /encoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1] : undefined;
  const label = (declaredEncoding ?? '').toLowerCase();
  let encoding: TextEncodingName | undefined = fromBytes;
  let decoderLabel: string | undefined = fromBytes;
  if (encoding === undefined) {
    if (declaredEncoding === undefined) {
      encoding = declared ? 'utf-8' : sniffTextEncoding(head, !isWhole(reader, head))?.encoding;
      decoderLabel = encoding;
    } else if (label === 'utf-8' || label === 'utf8') {
      encoding = 'utf-8';
      decoderLabel = 'utf-8';
    } else if (GB_LABELS.has(label)) {
      encoding = 'gb18030';
      decoderLabel = 'gb18030';
    } else if (!label.startsWith('utf-16') && !label.startsWith('utf-32')) {
      decoderLabel = label; // another single- or multi-byte encoding the platform may know (ISO-8859-1, Big5…)
    }
  }
  const text = decoderLabel === undefined ? undefined : decodeLoosely(head.subarray(bomLength), decoderLabel);
  const xml = readXmlHead(text ?? latin1(head, bomLength));
  if (xml === undefined) return undefined;
  if (
    !declared &&
    !htmlStart &&
    (xml.rootName === undefined || encoding === undefined || !looksLikeText(head.subarray(0, 4096)))
  ) {
    return undefined;
  }

  const root = xml.rootName;
  const local = root?.slice(root.indexOf(':') + 1).toLowerCase();
  const id: FormatId =
    htmlStart || local === 'html' || xml.doctype?.toLowerCase() === 'html'
      ? 'html'
      : local === 'svg'
        ? 'svg'
        : 'xml';
  const sample = await sampleOf(reader, head, budget);
  const encodingValid =
    decoderLabel === undefined
      ? undefined
      : decodesCleanly(sample.subarray(bomLength), decoderLabel, !isWhole(reader, sample));
  return {
    id,
    version: id === 'xml' ? xml.declaration?.version : undefined,
    pronom: id === 'xml' ? 'fmt/101' : undefined,
    encoding,
    details: {
      rootElement: root,
      rootNamespace: xml.rootNamespace,
      xmlVersion: xml.declaration?.version,
      declaredEncoding,
      bom: bomLength > 0,
      encodingValid,
    },
  };
}
