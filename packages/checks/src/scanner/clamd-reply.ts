import type { ScanResult } from './types.js';

/** clamd's signature-name prefix for "a scan limit was hit" alerts (with `AlertExceedsMax yes`). */
const LIMITS_EXCEEDED = 'Heuristics.Limits.Exceeded';

/**
 * Reads clamd's reply to `INSTREAM` (clamd 扫描回复) as a {@link ScanResult}. Pure; no socket.
 *
 * - `stream: OK` → `clean`;
 * - `stream: <name> FOUND` → `infected` with the signature name (the `(md5:size)` that `ExtendedDetectionInfo`
 *   appends is dropped); `Heuristics.Limits.Exceeded.*` is not a virus but a scan limit hit (clamd's
 *   `AlertExceedsMax`), so it is `error` (`not-scanned`): the file was not fully scanned;
 * - `INSTREAM size limit exceeded. ERROR` → `error` (`not-scanned`): larger than clamd's `StreamMaxLength`;
 * - `COMMAND READ TIMED OUT` → `error` (`timeout`);
 * - any other `… ERROR`, an empty or unknown reply → `error` (`protocol`). Never `clean` unless clamd said OK.
 *
 * The reply may carry clamd's `\0` (z-commands) or `\n` terminator and an `IDSESSION` request number (`3: `).
 * `path` only names the file in the reasons.
 *
 * @example
 * parseClamdReply('stream: OK\0'); // { status: 'clean' }
 * parseClamdReply('stream: Eicar-Test-Signature FOUND'); // { status: 'infected', signature: 'Eicar-Test-Signature' }
 * parseClamdReply('INSTREAM size limit exceeded. ERROR').status; // 'error'
 */
export function parseClamdReply(text: string, path?: string): ScanResult {
  const reply = firstReply(text);
  const notScanned = notScannedSuffix(path);
  if (reply === 'stream: OK') return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) {
    const signature = found[1]!.replace(/\([0-9a-fA-F]+:\d+\)$/, '').trim();
    if (signature === '') return malformed(reply, notScanned);
    if (signature.startsWith(LIMITS_EXCEEDED)) {
      return {
        status: 'error',
        code: 'not-scanned',
        reason: `clamd 达到扫描限制（${signature}，见 clamd.conf 的 MaxFileSize、MaxScanSize、MaxScanTime 等），${notScanned.zh}未被完整扫描`,
        reasonEn: `clamd hit a scan limit (${signature}; see MaxFileSize, MaxScanSize, MaxScanTime … in clamd.conf): ${notScanned.en} was NOT fully scanned`,
      };
    }
    return { status: 'infected', signature };
  }
  if (/size limit exceeded/i.test(reply)) {
    return {
      status: 'error',
      code: 'not-scanned',
      reason: `${notScanned.zh}超过 clamd 的 StreamMaxLength 限制，clamd 拒绝接收，未被扫描（请调大 clamd.conf 的 StreamMaxLength 及扫描器的 maxStreamSize）`,
      reasonEn: `${capitalize(notScanned.en)} is larger than clamd's StreamMaxLength and was NOT scanned (raise StreamMaxLength in clamd.conf and the scanner's maxStreamSize)`,
    };
  }
  if (/^COMMAND READ TIMED OUT$/i.test(reply)) {
    return {
      status: 'error',
      code: 'timeout',
      reason: `clamd 等待数据超时（COMMAND READ TIMED OUT），${notScanned.zh}未被扫描`,
      reasonEn: `clamd timed out waiting for data (COMMAND READ TIMED OUT): ${notScanned.en} was NOT scanned`,
    };
  }
  const error = /^(?:stream: )?(.*?)\s*ERROR$/.exec(reply);
  if (error) {
    const detail = printable(error[1]!) || 'ERROR';
    return {
      status: 'error',
      code: 'protocol',
      reason: `clamd 报告错误：${detail}；${notScanned.zh}未被扫描`,
      reasonEn: `clamd reported an error: ${detail}; ${notScanned.en} was NOT scanned`,
    };
  }
  return malformed(reply, notScanned);
}

/**
 * The parts of clamd's `VERSION` reply (clamd 版本): `ClamAV 1.0.3/27100/Mon Nov 20 08:23:45 2023` gives the engine
 * `1.0.3`, database version `27100` and its date; a clamd with only private databases answers `ClamAV 1.4.6`.
 * `undefined` when the text is not a ClamAV version reply.
 *
 * @example
 * parseClamdVersion('ClamAV 1.0.3/27100/Mon Nov 20 08:23:45 2023\0');
 * // { engine: '1.0.3', database: 27100, databaseDate: 'Mon Nov 20 08:23:45 2023', text: 'ClamAV 1.0.3/27100/…' }
 */
export function parseClamdVersion(text: string): ClamdVersion | undefined {
  const reply = firstReply(text);
  const m = /^ClamAV ([0-9][0-9A-Za-z.+~-]*)(?:\/(\d+)(?:\/(.+))?)?$/.exec(reply);
  if (!m) return undefined;
  return {
    engine: m[1]!,
    ...(m[2] === undefined ? {} : { database: Number(m[2]) }),
    ...(m[3] === undefined ? {} : { databaseDate: m[3] }),
    text: reply,
  };
}

/** What {@link parseClamdVersion} reads from clamd's `VERSION` reply. */
export interface ClamdVersion {
  /** Engine version, e.g. `1.0.3`. */
  readonly engine: string;
  /** Signature database version (`daily` number), when clamd has the official databases. */
  readonly database?: number;
  /** The database's build date as clamd prints it. */
  readonly databaseDate?: string;
  /** The whole reply, without terminator. */
  readonly text: string;
}

/** The first reply in `text`: up to the first NUL, without `\n`, surrounding blanks and an IDSESSION number. */
function firstReply(text: string): string {
  const nul = text.indexOf('\0');
  const first = (nul === -1 ? text : text.slice(0, nul)).trim();
  return first.replace(/^\d+: /, '');
}

function malformed(reply: string, notScanned: { zh: string; en: string }): ScanResult {
  const shown = printable(reply);
  return {
    status: 'error',
    code: 'protocol',
    reason:
      shown === ''
        ? `clamd 没有返回扫描结果，${notScanned.zh}未被扫描`
        : `无法识别的 clamd 回复：「${shown}」，${notScanned.zh}未被扫描`,
    reasonEn:
      shown === ''
        ? `clamd returned no scan result: ${notScanned.en} was NOT scanned`
        : `Unrecognised clamd reply "${shown}": ${notScanned.en} was NOT scanned`,
  };
}

/** "the file" or "the file "a/b.pdf"", in both languages. */
export function notScannedSuffix(path: string | undefined): { zh: string; en: string } {
  return path === undefined || path === ''
    ? { zh: '文件', en: 'the file' }
    : { zh: `文件「${path}」`, en: `the file "${path}"` };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** At most 200 characters with control characters shown as `\xNN`, so a hostile reply cannot garble a report. */
function printable(text: string): string {
  let escaped = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    escaped += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
    if (escaped.length > 200) return `${escaped.slice(0, 200)}…`;
  }
  return escaped;
}
