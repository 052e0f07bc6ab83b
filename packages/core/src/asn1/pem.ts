import { fromBase64, toBase64 } from '../bytes/index.js';
import { DanganError } from '../errors/index.js';

/** One PEM block (RFC 7468): its label (`PRIVATE KEY`, `CERTIFICATE`…) and the DER bytes it carries. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9]+(?: [A-Z0-9]+)*)-----([^-]*)-----END ([A-Z0-9]+(?: [A-Z0-9]+)*)-----/g;

function pemError(zh: string, en: string): DanganError {
  return new DanganError('PEM_INVALID', `PEM 格式无效：${zh}`, { messageEn: `invalid PEM: ${en}` });
}

/**
 * Every PEM block in `text`, in order. Text around the blocks is ignored (RFC 7468 allows explanatory
 * text). Throws `PEM_INVALID` when there is no block, a BEGIN/END pair does not match, a block has headers
 * (legacy encrypted keys) or its Base64 is malformed.
 *
 * @example
 * decodePemBlocks(text).map((b) => b.label); // ['EC PARAMETERS', 'EC PRIVATE KEY']
 */
export function decodePemBlocks(text: string): PemBlock[] {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const [, label, body, endLabel] = match as unknown as [string, string, string, string];
    if (label !== endLabel) {
      throw pemError(
        `BEGIN ${label} 与 END ${endLabel} 不匹配`,
        `BEGIN ${label} does not match END ${endLabel}`,
      );
    }
    if (body.includes(':')) {
      throw pemError(
        `${label} 块含有头字段（如加密私钥的 Proc-Type），不受支持`,
        `${label} block has headers (such as Proc-Type of an encrypted key); not supported`,
      );
    }
    const base64 = body.replace(/[ \t\r\n]+/g, '');
    if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
      throw pemError(`${label} 块的 Base64 内容无效`, `${label} block has invalid Base64`);
    }
    blocks.push({ label, der: fromBase64(base64) });
  }
  if (blocks.length === 0) {
    const hint = text.includes('-----BEGIN') ? '找不到完整的 BEGIN/END 块' : '缺少 -----BEGIN 行';
    throw pemError(hint, text.includes('-----BEGIN') ? 'no complete BEGIN/END block' : 'no -----BEGIN line');
  }
  return blocks;
}

/**
 * The first PEM block in `text` whose label is one of `labels`. Throws `PEM_INVALID` when none has.
 *
 * @example
 * const { der } = decodePem(text, ['PUBLIC KEY']);
 */
export function decodePem(text: string, labels: readonly string[]): PemBlock {
  const blocks = decodePemBlocks(text);
  const block = blocks.find((b) => labels.includes(b.label));
  if (block === undefined) {
    const found = blocks.map((b) => b.label).join('、');
    throw pemError(
      `期望 ${labels.join(' 或 ')} 块，实际为 ${found}`,
      `expected a ${labels.join(' or ')} block, found ${blocks.map((b) => b.label).join(', ')}`,
    );
  }
  return block;
}

/**
 * PEM text of DER bytes: BEGIN/END lines around Base64 in 64-character lines, ending with a newline.
 *
 * @example
 * encodePem('PUBLIC KEY', der); // '-----BEGIN PUBLIC KEY-----\nMFkw…\n-----END PUBLIC KEY-----\n'
 */
export function encodePem(label: string, der: Uint8Array): string {
  if (!/^[A-Z0-9]+(?: [A-Z0-9]+)*$/.test(label)) throw new RangeError(`label is not a PEM label: ${label}`);
  const base64 = toBase64Lines(der);
  return `-----BEGIN ${label}-----\n${base64}-----END ${label}-----\n`;
}

function toBase64Lines(der: Uint8Array): string {
  const text = toBase64(der);
  let out = '';
  for (let i = 0; i < text.length; i += 64) out += `${text.slice(i, i + 64)}\n`;
  return out;
}
