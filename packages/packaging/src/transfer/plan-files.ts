import { type Finding, isByteSource, knownSize } from '@dangan/core';
import { entryPathKey, safeCheckEntryPath } from '../sinks/entry-path.js';
import { transferFinding } from './codes.js';
import { measureSource, type PlannedFile } from './item-files.js';
import { handoverPaths } from './layout.js';
import { otherDocumentProblem } from './other-documents.js';
import type { ResolvedTransferOptions } from './resolve-options.js';
import type { TransferInput } from './types.js';

/**
 * Fills in unknown file sizes when `required` (offline): a re-readable source is read once to count its bytes; a
 * one-shot stream cannot be, and gives a `TRANSFER_ENTRY_SIZE_UNKNOWN` finding naming the file.
 *
 * @example
 * const problems = await fillSizes(files, true);
 */
export async function fillSizes(
  files: readonly PlannedFile[],
  required: boolean,
  signal?: AbortSignal,
): Promise<Finding[]> {
  const problems: Finding[] = [];
  for (const f of files) {
    if (f.size !== undefined || !required) continue;
    if (f.once) {
      problems.push(
        transferFinding(
          'TRANSFER_ENTRY_SIZE_UNKNOWN',
          `“${f.path}”只能读取一次且未给出大小，离线移交无法预先分配载体：请给出 size，或传入可重复读取的来源（函数）`,
          `"${f.path}" can be read only once and has no size; give its size or a re-readable source`,
          { path: f.path },
        ),
      );
    } else f.size = await measureSource(f.source(), signal);
  }
  return problems;
}

/**
 * The host's `其他/` documents as planned files: paths checked (safe, not a handover document's name, no
 * duplicates) and formats limited to TXT, XML and long-term formats, each problem a finding.
 *
 * @example
 * const { files, problems } = otherFiles(input, resolved);
 */
export function otherFiles(
  input: TransferInput,
  resolved: ResolvedTransferOptions,
): { files: PlannedFile[]; problems: Finding[] } {
  const docs = input.otherDocuments ?? [];
  if (!Array.isArray(docs as unknown)) throw new TypeError('otherDocuments must be an array');
  const files: PlannedFile[] = [];
  const problems: Finding[] = [];
  const reserved = new Set(handoverPaths(resolved.layout).map(entryPathKey));
  const seen = new Set<string>();
  for (const [i, doc] of docs.entries()) {
    if (
      doc === null ||
      typeof doc !== 'object' ||
      typeof doc.path !== 'string' ||
      !isByteSource(doc.source)
    ) {
      throw new TypeError(`otherDocuments[${i}] must be { path, source, size? }`);
    }
    const path = `${resolved.layout.other}/${doc.path}`;
    const check = safeCheckEntryPath(path);
    const key = entryPathKey(path);
    if (!check.ok || reserved.has(key) || seen.has(key)) {
      problems.push(
        transferFinding(
          'TRANSFER_INPUT_INVALID',
          !check.ok
            ? `“其他”文件“${doc.path}”的路径不安全：${check.error.message}`
            : reserved.has(key)
              ? `“${path}”是 dangan 生成的交接文书的名称，不能由宿主提供`
              : `“其他”文件“${doc.path}”重复`,
          `Document "${doc.path}" for 其他/ has an unsafe, reserved or duplicate path`,
          { path },
        ),
      );
      continue;
    }
    seen.add(key);
    const refused = otherDocumentProblem(path, resolved.otherExtensions);
    if (refused !== undefined) {
      problems.push(refused);
      continue;
    }
    const source = doc.source;
    const reReadable =
      typeof source === 'function' || knownSize(source) !== undefined || Array.isArray(source);
    files.push({
      path,
      size: doc.size ?? knownSize(source),
      source: () => source,
      once: !reReadable,
      metadata: false,
    });
  }
  return { files, problems };
}
