import { type ByteSource, sm2, XmlWriter } from '@dangan/core';
import {
  DAT48_NAMESPACE,
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  writeEepAgentBlock,
  writeEepBusinessBlock,
  writeEepElectronicAttributes,
  writeEepFileEntityRelations,
  writeRecordXml,
} from '@dangan/metadata';
import { writeSignatureElement } from '../sign/signature-xml.js';
import { eepError } from './errors.js';
import { streamFile } from './file-stream.js';
import { EepIdAllocator } from './ids.js';
import type {
  BuildEepOptions,
  EepBuild,
  EepBuildResult,
  EepDocumentWritten,
  EepFileWritten,
  EepSignatureWritten,
} from './options.js';
import { ByteOutput } from './output.js';
import { type BuildPlan, type PlannedFile, planBuild } from './plan.js';
import { PreviousEep } from './previous.js';
import { settleOnce } from './settle.js';

/** Positions in the writer's output where the builder streams bytes in or changes hashing. */
type Marker =
  | { readonly kind: 'signed-start' }
  | { readonly kind: 'signed-end' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'file'; readonly index: number };

/**
 * Builds a DA/T 48 电子文件封装包 (EEP) as a stream (构建封装包): `原始型`, or `修改型` around an earlier EEP
 * (`previous`). One pass, bounded memory — each file is read once and streamed as Base64 into `编码数据`
 * (a 1 GiB file never sits in memory) — and the exact bytes of `被签名对象` are hashed for every signer
 * (SM2/SM3, e = SM3(Z_A ‖ M)) as they are written, so `电子签名块` and `锁定签名` follow in the same pass
 * (signing rule: `signing-rule.ts`).
 *
 * Ids are NCNames unique across layers: `修改R-文档1`, `修改R-文档数据1`, `修改R-编码1`, `修改R-编码数据1`,
 * `修改R-签名1` (R = 0 for 原始型, the earlier layer count for 修改型), and `修改R` for 修改标识符.
 * `反编码关键字` is the extension of `计算机文件名`. In a 修改型 build, unchanged files are `{ unchanged }`
 * and written as an empty `编码数据` with `引用编码数据ID`.
 *
 * Checks before reading (throwing from `buildEep` itself): arguments (`TypeError`/`RangeError`), the record
 * (`EEP_RECORD_INVALID`), files against the record (`EEP_FILES_MISMATCH`), signers (`EEP_SIGNER_INVALID`).
 * Checks while streaming (thrown by the iterator before the document's end, so a sink discards it): each
 * file's size against `计算机文件大小` (`EEP_FILE_SIZE_MISMATCH`), read failures (`EEP_FILE_READ_FAILED`),
 * the earlier EEP (`EEP_SOURCE_INVALID`, `EEP_REFERENCE_INVALID`, `EEP_ID_COLLISION`). The record's own
 * 电子签名 metadata is not written (it is not a signature over 被签名对象). Validate the record first
 * (`validateRecord`): the builder writes what it is given.
 *
 * @example
 * const eep = buildEep({
 *   record, files: [fromFile('批复.pdf')], creator: '某区政务服务中心', createdAt: new Date(),
 *   signers: [{ privateKey, certificate }],
 * });
 * await sink.write('0001.eep', eep);
 * const { signatures, byteLength } = await eep.result;
 */
export function buildEep(options: BuildEepOptions): EepBuild {
  const plan = planBuild(options);
  return settleOnce(() => run(plan), '封装包');
}

async function* run(plan: BuildPlan): AsyncGenerator<Uint8Array, EepBuildResult, undefined> {
  const queue: (string | Marker)[] = [];
  const out = new ByteOutput();
  const w = new XmlWriter({ writeText: (text) => void queue.push(text) }, { pretty: plan.pretty });
  const mark = async (marker: Marker) => {
    await w.flush();
    queue.push(marker);
  };
  const hashers = plan.signers.map((s) => sm2.createMessageHasher(s.publicKey, { userId: s.userId }));
  /** What each file became, by index, completed when it has been streamed. */
  const files = new Map<number, { -readonly [K in keyof EepFileWritten]: EepFileWritten[K] }>();
  const documents: EepDocumentWritten[] = [];
  let previous: PreviousEep | undefined;
  let ids = new EepIdAllocator(0);

  async function* drain(): AsyncGenerator<Uint8Array> {
    for (const item of queue.splice(0)) {
      if (typeof item === 'string') out.writeText(item);
      else if (item.kind === 'signed-start') out.armSigned(hashers);
      else if (item.kind === 'signed-end') out.endSigned();
      else if (item.kind === 'previous') {
        for await (const piece of previous!.copy()) {
          out.write(piece);
          yield* out.ready();
        }
      } else {
        const planned = plan.files[item.index]!;
        const streamed = yield* streamFile(
          planned.input as ByteSource,
          out,
          { ...planned, index: item.index },
          {
            digests: plan.fileDigests,
            chunkSize: plan.chunkSize,
            signal: plan.signal,
          },
        );
        const written = files.get(item.index)!;
        written.size = streamed.size;
        written.digests = streamed.digests;
      }
      yield* out.ready();
    }
  }

  try {
    if (plan.previous !== undefined) {
      previous = await PreviousEep.open(plan.previous, { chunkSize: plan.chunkSize, signal: plan.signal });
    }
    const modification = previous?.layers ?? 0;
    const packageType = previous === undefined ? '原始型' : '修改型';
    ids = new EepIdAllocator(modification);
    w.declaration().startElement('电子文件封装包', { xmlns: DAT48_NAMESPACE });
    w.element('封装包格式描述', EEP_FORMAT_DESCRIPTION).element('版本', '2009');
    await mark({ kind: 'signed-start' });
    w.startElement('被签名对象', { eep版本: '2009' });
    w.element('封装包类型', packageType).element(
      '封装包类型描述',
      EEP_PACKAGE_TYPE_DESCRIPTIONS[packageType],
    );
    w.element('封装包创建时间', plan.createdAt).element('封装包创建单位', plan.creator);
    let modificationId: string | undefined;
    if (previous !== undefined) {
      modificationId = ids.modification();
      w.startElement('修改封装内容').element('修改标识符', modificationId);
      // The copied layer keeps its own bytes: repeat its root's prefixed namespace declarations here.
      const declarations: Record<string, string> = {};
      for (const [prefix, uri] of previous.namespaces)
        if (prefix !== '') declarations[`xmlns:${prefix}`] = uri;
      w.startElement('原封装包', declarations).rawTextChunk('');
      await mark({ kind: 'previous' });
      yield* drain();
      w.endElement('原封装包').startElement('修订内容');
    } else {
      w.startElement('封装内容');
    }
    w.startElement('文件实体块');
    await writeRecordXml(w, plan.record, plan.scheme, {
      layout: 'eep',
      writeFileData: async (writer) => {
        for (const doc of plan.documents) {
          const documentId = ids.next('文档');
          const versions: { versionId: string; files: number[] }[] = [];
          writer.startElement('文档').element('文档标识符', documentId);
          if (doc.sequence !== undefined) writer.element('文档序号', doc.sequence);
          writer.element('文档主从声明', doc.role);
          if (doc.title !== undefined) writer.element('题名', doc.title);
          for (const version of doc.versions) {
            const versionId = ids.next('文档数据');
            versions.push({ versionId, files: [...version] });
            writer.startElement('文档数据', { 文档数据ID: versionId });
            for (const index of version) await writeEncoding(writer, index);
            writer.endElement('文档数据');
          }
          writer.endElement('文档');
          documents.push({ documentId, versions });
        }
      },
    });
    writeEepFileEntityRelations(w, plan.record, plan.scheme);
    w.endElement('文件实体块');
    writeEepBusinessBlock(w, plan.record, plan.scheme);
    writeEepAgentBlock(w, plan.record, plan.scheme);
    w.endElement(previous === undefined ? '封装内容' : '修订内容');
    if (previous !== undefined) w.endElement('修改封装内容');
    w.endElement('被签名对象');
    await mark({ kind: 'signed-end' });
    yield* drain();

    const signatures: EepSignatureWritten[] = [];
    let lockedSignature: string | undefined;
    if (plan.signers.length > 0) {
      w.startElement('电子签名块');
      let locked = '';
      for (let k = 0; k < plan.signers.length; k++) {
        const signer = plan.signers[k]!;
        const id = ids.signature(k + 1);
        const signature = sm2.signDigest(hashers[k]!.digest(), signer.privateKey, {
          ...(signer.random === undefined ? {} : { random: signer.random }),
        });
        await w.flush();
        const from = queue.length;
        writeSignatureElement(w, '电子签名', id, signer, signature);
        await w.flush();
        if (k === plan.lock) {
          lockedSignature = id;
          locked = (queue.slice(from) as string[]).join('');
        }
        signatures.push({
          id,
          subject: signer.subject,
          userId: signer.userId,
          ...(signer.signedAt === undefined ? {} : { signedAt: signer.signedAt }),
          signature,
        });
      }
      w.endElement('电子签名块');
      const lockSigner = plan.signers[plan.lock]!;
      const lockedBytes = new TextEncoder().encode(locked.slice(locked.indexOf('<')));
      const lockSignature = sm2.sign(lockedBytes, lockSigner.privateKey, {
        userId: lockSigner.userId,
        ...(lockSigner.random === undefined ? {} : { random: lockSigner.random }),
      });
      writeSignatureElement(w, '锁定签名', lockedSignature!, lockSigner, lockSignature);
    }
    if (previous !== undefined) ids.check(previous.ids);
    await w.end();
    yield* drain();
    yield* out.all();
    return {
      packageType,
      modification,
      ...(modificationId === undefined ? {} : { modificationId }),
      createdAt: plan.createdAt,
      byteLength: out.offset,
      signedObject: out.signedRange!,
      documents,
      files: [...files.values()].sort((a, b) => a.index - b.index),
      signatures,
      ...(lockedSignature === undefined ? {} : { lockedSignature }),
    };
  } finally {
    await previous?.close();
  }

  /** One `编码`: 电子属性 (and 数字化属性), 编码描述, 反编码关键字, and its data or the reference to it. */
  async function writeEncoding(writer: XmlWriter, index: number): Promise<void> {
    const planned = plan.files[index]!;
    const encodingId = ids.next('编码');
    const dataId = ids.next('编码数据');
    writer.startElement('编码', { 编码ID: encodingId });
    writeEepElectronicAttributes(writer, plan.record, plan.scheme, index);
    writer.element('编码描述', EEP_ENCODING_DESCRIPTION).element('反编码关键字', planned.extension);
    const base = {
      index,
      encodingId,
      dataId,
      fileName: planned.fileName,
      extension: planned.extension,
      size: planned.declaredSize,
      digests: {},
    };
    if (planned.unchanged !== undefined) {
      const referencedDataId = resolveReference(planned, index);
      writer.element('编码数据', undefined, { 编码数据ID: dataId, 引用编码数据ID: referencedDataId });
      files.set(index, { ...base, referencedDataId });
    } else {
      writer.startElement('编码数据', { 编码数据ID: dataId }).rawTextChunk('');
      files.set(index, base);
      await mark({ kind: 'file', index });
      writer.endElement('编码数据');
    }
    writer.endElement('编码');
  }

  /** The data-bearing 编码数据ID an unchanged file refers to, its size checked against the record. */
  function resolveReference(planned: PlannedFile, index: number): string {
    const prev = previous!;
    const given = planned.unchanged!;
    const path = `文件实体/电子属性[${index}]`;
    const start = typeof given === 'number' ? prev.current[given] : given;
    if (start === undefined || !prev.data.has(start)) {
      throw eepError(
        'EEP_REFERENCE_INVALID',
        typeof given === 'number'
          ? `第 ${index + 1} 个文件引用原封装包当前内容的第 ${given + 1} 个编码，但它只有 ${prev.current.length} 个`
          : `第 ${index + 1} 个文件引用的编码数据ID“${given}”不在原封装包中`,
        typeof given === 'number'
          ? `file ${index + 1} refers to 编码 ${given + 1} of the earlier layer, which has ${prev.current.length}`
          : `file ${index + 1} refers to 编码数据ID “${given}”, which the earlier layers do not have`,
        { path },
      );
    }
    let id: string = start;
    let data = prev.data.get(id)!;
    for (let hops = 0; data.reference !== undefined; hops++) {
      const next: string = data.reference;
      const target = prev.data.get(next);
      if (target === undefined || hops > prev.data.size) {
        throw eepError(
          'EEP_REFERENCE_INVALID',
          `原封装包中编码数据“${id}”引用的“${next}”不存在或成环`,
          `In the earlier layers, 编码数据 “${id}” refers to “${next}”, which is missing or circular`,
          { path },
        );
      }
      id = next;
      data = target;
    }
    if (data.size !== planned.declaredSize) {
      throw eepError(
        'EEP_FILE_SIZE_MISMATCH',
        `第 ${index + 1} 个文件（${planned.fileName}）引用的编码数据“${id}”解码后为 ${data.size} 字节，记录的计算机文件大小为 ${planned.declaredSize}`,
        `File ${index + 1} (${planned.fileName}) refers to 编码数据 “${id}” of ${data.size} bytes, but 计算机文件大小 says ${planned.declaredSize}`,
        { path: `${path}/计算机文件大小` },
      );
    }
    return id;
  }
}
