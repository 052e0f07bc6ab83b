import { ascii, indexOfBytes } from '../binary.js';
import type { PdfAClaim } from '../format-info.js';
import type { InspectReader } from '../inspect-reader.js';
import { decodeLoosely } from '../text-encoding.js';
import type { Draft, Probe } from './probe.js';

const VERSION_PUID: Readonly<Record<string, string>> = {
  '1.0': 'fmt/14',
  '1.1': 'fmt/15',
  '1.2': 'fmt/16',
  '1.3': 'fmt/17',
  '1.4': 'fmt/18',
  '1.5': 'fmt/19',
  '1.6': 'fmt/20',
  '1.7': 'fmt/276',
  '2.0': 'fmt/1129',
};

// PDF/A part + conformance → PUID (PDF/A-4 without conformance is `4`).
const PDFA_PUID: Readonly<Record<string, string>> = {
  '1A': 'fmt/95',
  '1B': 'fmt/354',
  '2A': 'fmt/476',
  '2B': 'fmt/477',
  '2U': 'fmt/478',
  '3A': 'fmt/479',
  '3B': 'fmt/480',
  '3U': 'fmt/481',
  '4': 'fmt/1910',
  '4E': 'fmt/1911',
  '4F': 'fmt/1912',
};

const PDFA_NAMESPACE = 'http://www.aiim.org/pdfa/ns/id/';
const MAX_DICTIONARIES = 512;
const MAX_DICTIONARY = 16 * 1024;
const SMALL_REGION = 256 * 1024;
// A name token ends at white space or a delimiter; `/EncryptMetadata` is another key.
const ENCRYPT_KEY = /\/Encrypt(?=[\s/<[(%]|$)/;

/**
 * PDF: `%PDF-x.y` within the first 1024 bytes (readers tolerate leading junk). Reads the version from
 * the header, `/Encrypt` from the trailer or cross-reference stream dictionaries, the PDF/A claim from
 * XMP, and whether the file still ends with `%%EOF`.
 */
export const probePdf: Probe = async ({ reader, head, budget }) => {
  // Readers accept junk before the header; a header that starts a line, followed by a version, is required.
  const header = /(?:^|[\r\n])%PDF-(\d\.\d)?/.exec(pdfText(head.subarray(0, 1024)));
  if (header === null || (header.index > 0 && header[1] === undefined)) return undefined;
  const version = header[1];
  const { texts, end, raw } = await regions(reader, budget);
  const pdfa = pdfaClaim(texts) ?? pdfaClaimInBytes(raw);
  const encrypted = encryption(texts, end);
  const draft: Draft = {
    id: 'pdf',
    version,
    pronom: pdfa ? PDFA_PUID[`${pdfa.part}${pdfa.conformance ?? ''}`] : version && VERSION_PUID[version],
    flags: {
      encrypted,
      pdfa,
      truncated: end === undefined ? undefined : !end.slice(-1024).includes('%%EOF'),
    },
  };
  return draft;
};

interface Regions {
  /** Decoded text searched for trailers and XMP. */
  readonly texts: readonly string[];
  /** Decoded end of the file, when it was reached. */
  readonly end?: string | undefined;
  /** Further bytes searched, undecoded, for the PDF/A namespace only. */
  readonly raw: readonly Uint8Array[];
}

/**
 * What to search: the whole file when it fits the budget; a stream's prefix; or, for a large
 * random-access file, its first and last 256 KiB as text (header, first-page and final trailers) and the
 * rest of the two half-budgets as bytes scanned for XMP, which can sit anywhere.
 */
async function regions(reader: InspectReader, budget: number): Promise<Regions> {
  const size = await reader.end();
  if (size !== undefined && size <= budget) {
    const whole = pdfText(await reader.read(0, size));
    return { texts: [whole], end: whole, raw: [] };
  }
  if (!reader.randomAccess || size === undefined)
    return { texts: [pdfText(await reader.read(0, budget))], raw: [] };
  // The end first, so the trailer is always in: block-aligned reads may cost up to 64 KiB more than asked.
  const half = Math.max(4096, Math.floor(budget / 2) - 64 * 1024);
  const last = await reader.read(size - half, half);
  const first = await reader.read(0, half);
  if (last.length < half) return { texts: [pdfText(first)], raw: [] };
  const small = Math.min(SMALL_REGION, half);
  const tail = pdfText(last.subarray(last.length - small));
  return {
    texts: [pdfText(first.subarray(0, small)), tail],
    end: tail,
    raw: [first.subarray(small), last.subarray(0, last.length - small)],
  };
}

/**
 * `true` when a trailer or cross-reference stream dictionary names `/Encrypt`; `false` when the end of
 * the file was read and its final trailer has none; otherwise unknown.
 */
function encryption(texts: readonly string[], end: string | undefined): boolean | undefined {
  if (texts.some((t) => trailerDictionaries(t).some((d) => ENCRYPT_KEY.test(d.text)))) return true;
  if (end === undefined) return undefined;
  // The end was read: a whole final trailer (or xref stream dictionary) without /Encrypt means not encrypted.
  return trailerDictionaries(end.slice(-256 * 1024)).some((d) => d.whole) ? false : undefined;
}

/** Trailer and cross-reference stream dictionaries; `whole` when their end (startxref, stream) was seen. */
function trailerDictionaries(text: string): { text: string; whole: boolean }[] {
  const found: { at: number; xref: boolean }[] = [];
  for (const m of text.matchAll(/trailer\s*<<|\/Type\s*\/XRef(?=[\s/>])/g))
    found.push({ at: m.index, xref: m[0][0] === '/' });
  // Hostile files may repeat the keywords endlessly: look at the first and last few hundred only.
  const picked =
    found.length <= 2 * MAX_DICTIONARIES
      ? found
      : [...found.slice(0, MAX_DICTIONARIES), ...found.slice(-MAX_DICTIONARIES)];
  const out: { text: string; whole: boolean }[] = [];
  // Positions only grow, so each terminator is searched for once per stretch, keeping this linear.
  const next = { startxref: -1, stream: -1 };
  const after = (word: 'startxref' | 'stream', at: number): number => {
    if (next[word] !== Number.POSITIVE_INFINITY && next[word] < at) {
      const i = text.indexOf(word, at);
      next[word] = i < 0 ? Number.POSITIVE_INFINITY : i;
    }
    return next[word];
  };
  for (const { at, xref } of picked) {
    const stop = after(xref ? 'stream' : 'startxref', at);
    const whole = stop - at <= MAX_DICTIONARY;
    // An xref stream's dictionary may name /Encrypt before /Type: start at its object header.
    const from = xref
      ? Math.max(0, at - 4096) + Math.max(0, text.slice(Math.max(0, at - 4096), at).lastIndexOf('obj'))
      : at;
    out.push({ text: text.slice(from, whole ? stop : at + MAX_DICTIONARY), whole });
  }
  return out;
}

/** The PDF/A claim in raw bytes: decode only the neighbourhood of each PDF/A namespace occurrence. */
function pdfaClaimInBytes(parts: readonly Uint8Array[]): PdfAClaim | undefined {
  const needle = ascii(PDFA_NAMESPACE);
  for (const bytes of parts) {
    let at = indexOfBytes(bytes, needle);
    for (let tries = 0; at >= 0 && tries < 64; tries++) {
      const claim = pdfaClaim([pdfText(bytes.subarray(Math.max(0, at - 4096), at + 8192))]);
      if (claim !== undefined) return claim;
      at = indexOfBytes(bytes, needle, at + needle.length);
    }
  }
  return undefined;
}

/** The PDF/A identification claimed in XMP, element or attribute form, with whatever prefix is bound. */
function pdfaClaim(texts: readonly string[]): PdfAClaim | undefined {
  for (const text of texts) {
    const claim = pdfaClaimIn(text);
    if (claim !== undefined) return claim;
  }
  return undefined;
}

function pdfaClaimIn(text: string): PdfAClaim | undefined {
  let at = text.indexOf(PDFA_NAMESPACE);
  for (let tries = 0; at >= 0 && tries < 64; tries++) {
    const window = text.slice(Math.max(0, at - 4096), at + 8192);
    const prefixMatch = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http:\/\/www\.aiim\.org\/pdfa\/ns\/id\/["']/.exec(
      window,
    );
    const prefix = (prefixMatch?.[1] ?? 'pdfaid').replace(/\./g, '\\.');
    const part = xmpValue(window, prefix, 'part');
    if (part !== undefined && /^\d+$/.test(part)) {
      const conformance = xmpValue(window, prefix, 'conformance')?.toUpperCase();
      const amendment = xmpValue(window, prefix, 'amd');
      const revision = xmpValue(window, prefix, 'rev');
      return {
        part: Number(part),
        ...(conformance ? { conformance } : {}),
        ...(amendment ? { amendment } : {}),
        ...(revision ? { revision } : {}),
      };
    }
    at = text.indexOf(PDFA_NAMESPACE, at + PDFA_NAMESPACE.length);
  }
  return undefined;
}

function xmpValue(text: string, prefix: string, name: string): string | undefined {
  const attribute = new RegExp(`${prefix}:${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(text);
  const element = new RegExp(`<${prefix}:${name}(?:\\s[^>]*)?>\\s*([^<]*?)\\s*</${prefix}:${name}>`).exec(
    text,
  );
  const value = attribute?.[1] ?? attribute?.[2] ?? element?.[1];
  return value?.trim() || undefined;
}

/**
 * Bytes as text for searching. UTF-8 (not Latin-1) because it is several times faster on mostly-ASCII
 * data and reads XMP, which is UTF-8, correctly; binary runs become U+FFFD but every ASCII byte survives
 * as itself, which is all PDF syntax needs. Offsets into the text are not byte offsets.
 */
function pdfText(bytes: Uint8Array): string {
  return decodeLoosely(bytes, 'utf-8') ?? '';
}
