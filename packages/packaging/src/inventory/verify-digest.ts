import type { DigestAlgorithm, Finding } from '@dangan/core';
import type { PackageSource } from '../sinks/types.js';
import { formatGigabytes } from '../transfer/capacity.js';
import { hashCarrierFiles, listingDigest, parseCarrierListing } from '../transfer/carrier-listing.js';
import { transferFinding } from '../transfer/codes.js';
import type { DigestSheetRow } from '../transfer/digest-sheet.js';
import type { TransferLayout } from '../transfer/layout.js';
import type { InventoryDigest } from './types.js';

/** What {@link verifyCarrierDigest} found. */
export interface DigestCheck {
  readonly digest: InventoryDigest;
  /** Bytes of each file as read (what the counts use). */
  readonly sizes: ReadonlyMap<string, number>;
  readonly findings: Finding[];
}

/**
 * Recomputes the carrier digest (every file read once), then compares file by file with the carrier's listing
 * (`TRANSFER_FILE_MISSING`, `TRANSFER_FILE_CHANGED`, `TRANSFER_FILE_UNLISTED`, each naming the file) and the carrier
 * as a whole with its row of the 数字摘要 sheet (`TRANSFER_DIGEST_MISMATCH` naming the sheet).
 *
 * @example
 * const { digest, findings } = await verifyCarrierDigest(source, 'sm3', listingBytes, row, layout, sheetPath);
 */
export async function verifyCarrierDigest(
  source: PackageSource,
  algorithm: DigestAlgorithm,
  listingBytes: Uint8Array | undefined,
  row: DigestSheetRow | undefined,
  layout: TransferLayout,
  sheetPath: string,
  signal?: AbortSignal,
): Promise<DigestCheck> {
  const findings: Finding[] = [];
  const hashed = await hashCarrierFiles(source, algorithm, layout, signal);
  for (const f of hashed.failures) {
    findings.push(
      transferFinding(
        'TRANSFER_ENTRY_UNREADABLE',
        `“${f.path}”无法读取：${f.error.message}`,
        `"${f.path}" cannot be read`,
        {
          path: f.path,
        },
      ),
    );
  }
  const sizes = new Map(hashed.lines.map((l) => [l.path, l.size]));
  const actual = listingDigest(hashed.lines, algorithm);
  const listingPath = `${layout.other}/${layout.listing}`;
  if (listingBytes !== undefined) {
    const parsed = parseCarrierListing(listingBytes);
    for (const n of parsed.malformed) {
      findings.push(
        transferFinding(
          'TRANSFER_LISTING_MALFORMED',
          `载体文件清单第 ${n} 行格式不符`,
          `Listing line ${n} is malformed`,
          {
            path: `${listingPath}:${n}`,
          },
        ),
      );
    }
    const listed = new Map(parsed.lines.map((l) => [l.path, l]));
    const unreadable = new Set(hashed.failures.map((f) => f.path));
    for (const l of actual.lines) {
      const want = listed.get(l.path);
      if (want === undefined) {
        findings.push(
          transferFinding(
            'TRANSFER_FILE_UNLISTED',
            `“${l.path}”不在载体文件清单中`,
            `"${l.path}" is not in the listing`,
            {
              path: l.path,
            },
          ),
        );
      } else if (want.size !== l.size || want.digest !== l.digest) {
        findings.push(
          transferFinding(
            'TRANSFER_FILE_CHANGED',
            want.size !== l.size
              ? `“${l.path}”的字节数为 ${l.size}，清单为 ${want.size}`
              : `“${l.path}”的数字摘要与清单不符（文件内容已改变）`,
            `"${l.path}" differs from the listing (${want.size !== l.size ? 'size' : 'digest'})`,
            { path: l.path },
          ),
        );
      }
      listed.delete(l.path);
    }
    for (const missing of listed.keys()) {
      if (unreadable.has(missing)) continue;
      findings.push(
        transferFinding(
          'TRANSFER_FILE_MISSING',
          `清单中的“${missing}”不在载体上`,
          `"${missing}" is listed but absent`,
          {
            path: missing,
          },
        ),
      );
    }
  }
  const matches =
    row !== undefined &&
    row.数字摘要 === actual.digest &&
    row.字节数 === actual.bytes &&
    row.实际容量 === formatGigabytes(actual.bytes);
  if (row !== undefined && !matches) {
    const parts: string[] = [];
    if (row.数字摘要 !== actual.digest)
      parts.push(`数字摘要登记为 ${row.数字摘要}，重新计算为 ${actual.digest}`);
    if (row.字节数 !== actual.bytes) parts.push(`字节数登记为 ${row.字节数}，实际 ${actual.bytes}`);
    if (row.实际容量 !== formatGigabytes(actual.bytes))
      parts.push(`实际容量登记为 ${row.实际容量} GB，实际 ${formatGigabytes(actual.bytes)} GB`);
    findings.push(
      transferFinding(
        'TRANSFER_DIGEST_MISMATCH',
        `载体 ${row.载体编号}：${parts.join('；')}`,
        `Carrier ${row.载体编号}: the recomputed digest or size differs from the sheet`,
        { path: sheetPath, element: '数字摘要' },
      ),
    );
  }
  return {
    digest: {
      algorithm,
      actual: actual.digest,
      actualBytes: actual.bytes,
      registered: row?.数字摘要,
      registeredBytes: row?.字节数,
      matches,
    },
    sizes,
    findings,
  };
}
