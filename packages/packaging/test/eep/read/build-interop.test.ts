/**
 * The reader, verifier and extractor on what buildEep writes: original and 修改型 packages, signed, checked
 * end to end (and against xmllint).
 */
import { createHash } from 'node:crypto';
import { concatBytes } from '@dangan/core';
import type { UnknownRecord } from '@dangan/metadata';
import { describe, expect, it } from 'vitest';
import { withEepEntities } from '../../../../metadata/test/xml/support/eep.js';
import { sample } from '../../../../metadata/test/xml/support/samples.js';
import { buildEep } from '../../../src/eep/build/build-eep.js';
import { extractEep } from '../../../src/eep/extract/extract-eep.js';
import { readEep } from '../../../src/eep/read/read-eep.js';
import { validateEepStructure } from '../../../src/eep/validate/validate-eep.js';
import { verifyEep } from '../../../src/eep/verify/verify-eep.js';
import { memorySink } from '../../../src/sinks/memory.js';
import { bytesOf, testSigner } from './support/eep.js';
import { CAN_DIFF, xmllintVerdicts } from './support/xmllint.js';

const signer = testSigner();
const anchors = [signer.ca.certificate];
const FILES = [bytesOf(5000, 11), bytesOf(321, 12)];
const sm3 = (b: Uint8Array) => createHash('sm3').update(b).digest('hex');

function record(): UnknownRecord {
  const r = withEepEntities(sample()) as Record<string, unknown>;
  const file = r.文件实体 as Record<string, unknown>;
  file.电子属性 = [
    { 计算机文件名: '批复.pdf', 计算机文件大小: FILES[0]!.length },
    { 计算机文件名: '附件.ofd', 计算机文件大小: FILES[1]!.length },
  ];
  return r as UnknownRecord;
}

async function collect(build: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of build) parts.push(chunk.slice());
  return concatBytes(parts);
}

const eepSigner = {
  privateKey: signer.privateKey,
  certificate: signer.certificate,
  chain: [signer.ca.certificate],
};

async function original(): Promise<{ bytes: Uint8Array; signedObject: { start: number; end: number } }> {
  const build = buildEep({
    record: record(),
    files: FILES,
    creator: '某区政务服务中心',
    createdAt: '2024-06-01T10:00:00+08:00',
    signers: [eepSigner],
  });
  const bytes = await collect(build);
  return { bytes, signedObject: (await build.result).signedObject };
}

describe('reading what buildEep writes', () => {
  it('an original package: valid, trusted, its files extracted byte for byte', async () => {
    const { bytes, signedObject } = await original();
    const structure = await validateEepStructure(bytes);
    expect(structure.findings).toEqual([]);
    const info = await readEep(bytes);
    expect(info.layers[0]!.range).toEqual(signedObject);
    expect(info.encodings.map((e) => [e.fileName, e.decodedSize])).toEqual([
      ['批复.pdf', 5000],
      ['附件.ofd', 321],
    ]);
    const verified = await verifyEep(bytes, { trustAnchors: anchors });
    expect(verified.findings).toEqual([]);
    expect(verified.trusted).toBe(true);
    expect(verified.files.map((f) => f.digests.sm3)).toEqual(FILES.map(sm3));
    const sink = memorySink();
    const extracted = await extractEep(bytes, sink);
    expect(extracted.files.map((f) => [f.path, f.digests.sm3])).toEqual([
      ['批复.pdf', sm3(FILES[0]!)],
      ['附件.ofd', sm3(FILES[1]!)],
    ]);
  });

  it('a 修改型 package around it: every layer’s signature verifies, unchanged files resolve', async () => {
    const { bytes: previous } = await original();
    const changed = bytesOf(400, 13);
    const r = record();
    (
      ((r as Record<string, unknown>).文件实体 as Record<string, unknown>).电子属性 as Record<
        string,
        unknown
      >[]
    )[1]!.计算机文件大小 = changed.length;
    const build = buildEep({
      record: r,
      files: [{ unchanged: 0 }, changed],
      previous,
      creator: '某区政务服务中心',
      createdAt: '2024-07-01T10:00:00+08:00',
      signers: [eepSigner],
    });
    const bytes = await collect(build);
    const verified = await verifyEep(bytes, { trustAnchors: anchors, maxBufferedBytes: 0 });
    expect(verified.findings).toEqual([]);
    expect(verified.signatures.map((s) => [s.kind, s.modification, s.status])).toEqual([
      ['signature', 0, 'valid'],
      ['signature', 1, 'valid'],
      ['lock', 1, 'valid'],
    ]);
    expect(verified.reads).toBe(2);
    const sink = memorySink();
    const extracted = await extractEep(bytes, sink);
    expect(extracted.files.map((f) => [f.path, f.size, f.digests.sm3])).toEqual([
      ['批复.pdf', 5000, sm3(FILES[0]!)],
      ['附件.ofd', 400, sm3(changed)],
    ]);
    if (CAN_DIFF) expect(xmllintVerdicts([bytes]).map((v) => v.valid)).toEqual([true]);
  });
});
