import { sm2 } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/engine/run-checks.js';
import { eepPackage, signatureValueRanges, signedEep } from './eep-fixtures.js';
import { fixedNow, sm3Hex } from './fixtures.js';
import { itemOf } from './support.js';

/** Certificate chains need core's `sm2.verifyCertificate` (wired by the core issue). */
const canCheckChains =
  typeof (sm2 as unknown as { verifyCertificate?: unknown }).verifyCertificate === 'function';

describe('EEP packages', () => {
  it('verifies a signed EEP: signatures, lock signature, certificate validity, embedded file, package digest', async () => {
    const { bytes } = await signedEep();
    expect(signatureValueRanges(bytes).length).toBe(2);
    const report = await runChecks({
      stage: 'preservation',
      source: eepPackage(bytes),
      now: fixedNow,
      registered: { digest: { algorithm: 'sm3', value: sm3Hex(bytes) } },
    });
    expect(report.subject.kind).toBe('eep');
    const fixity = itemOf(report, 'fixity');
    expect(fixity.status, JSON.stringify(fixity.findings)).toBe('pass');
    // Without trust anchors the chain is a note, never a pass of the chain.
    expect(
      fixity.findings.some((f) => f.code === 'CHECK_CERTIFICATE_CHAIN_NOT_CHECKED' && f.severity === 'info'),
    ).toBe(true);
    expect(itemOf(report, 'package.structure').status).toBe('pass');
    expect(itemOf(report, 'package.digest').status).toBe('pass');
    expect(itemOf(report, 'package.metadata-complete').status).toBe('pass');
    expect(itemOf(report, 'content.complete').status).toBe('pass');
  });

  it.skipIf(!canCheckChains)('passes a chain to the trust anchor and fails an untrusted one', async () => {
    const { bytes, caCertificate } = await signedEep();
    const trusted = await runChecks({
      stage: 'preservation',
      source: eepPackage(bytes),
      trustAnchors: [caCertificate],
      now: fixedNow,
    });
    expect(itemOf(trusted, 'fixity').status).toBe('pass');
    const other = await signedEep();
    const untrusted = await runChecks({
      stage: 'preservation',
      source: eepPackage(bytes),
      trustAnchors: [other.caCertificate],
      now: fixedNow,
    });
    expect(itemOf(untrusted, 'fixity').status).toBe('fail');
    expect(itemOf(untrusted, 'fixity').findings.some((f) => f.code === 'CHECK_CERTIFICATE_UNTRUSTED')).toBe(
      true,
    );
  });
});

describe('a 归档信息包 with an EEP per 件', () => {
  it('verifies the EEPs in the same single read, and fails fixity when one is tampered', async () => {
    const { buildArchivalPackage } = await import('../../../packaging/src/archival/index.js');
    const { buildEep } = await import('../../../packaging/src/eep/build/build-eep.js');
    const { memorySink, memorySource } = await import('@dangan/packaging');
    const { schemes } = await import('@dangan/metadata');
    const { testPki } = await import('./eep-fixtures.js');
    const { minimalPdf, ywtbRecord } = await import('./fixtures.js');
    const pki = testPki();
    const pdf = minimalPdf('件');
    const record = ywtbRecord(1, '设立登记申请书', [
      { name: '申请书.pdf', format: 'PDF, 1.7, application/pdf', bytes: pdf },
    ]);
    const result = await buildArchivalPackage(
      {
        items: [
          {
            record,
            files: [{ source: pdf, attributeIndex: 0 }],
            buildEep: (r) =>
              buildEep({
                record: r,
                scheme: schemes.ywtb,
                files: [pdf],
                creator: '上海市浦东新区市场监督管理局',
                createdAt: new Date('2026-03-20T02:00:00Z'),
                signers: [{ ...pki.signer, signedAt: new Date('2026-03-20T02:00:00Z') }],
              }),
          },
        ],
        registration: {
          单位名称: '上海市浦东新区市场监督管理局',
          归档电子文件门类: '文书',
          归档方式: '在线',
        },
        now: new Date('2026-03-20T02:00:00Z'),
      },
      memorySink(),
    );
    const files = result.written.files;
    const eepPath = result.items[0]!.eep!.path;
    const report = await runChecks({ stage: 'archiving', source: result.written.source, now: fixedNow });
    const fixity = itemOf(report, 'fixity');
    expect(fixity.status, JSON.stringify(fixity.findings)).toBe('pass');
    expect(
      fixity.findings.some((f) => f.path === eepPath && f.code === 'CHECK_CERTIFICATE_CHAIN_NOT_CHECKED'),
    ).toBe(true);
    expect(itemOf(report, 'carrier.extra-files').status).toBe('pass');
    // Tamper with the EEP's signature value (and keep the manifest consistent, as a forger would):
    const bytes = files.get(eepPath)!.slice();
    const [range] = signatureValueRanges(bytes);
    bytes[range!.start + 3] = bytes[range!.start + 3] === 0x41 ? 0x42 : 0x41;
    const tampered = new Map(files);
    tampered.set(eepPath, bytes);
    const manifest = new TextDecoder().decode(files.get(result.manifestPath));
    const oldDigest = result.items[0]!.eep!.digests.sm3!;
    tampered.set(result.manifestPath, new TextEncoder().encode(manifest.replace(oldDigest, sm3Hex(bytes))));
    const bad = await runChecks({ stage: 'archiving', source: memorySource(tampered), now: fixedNow });
    const badFixity = itemOf(bad, 'fixity');
    expect(badFixity.status).toBe('fail');
    // The signature and the 锁定签名 over it both fail, each naming the EEP.
    expect(
      new Set(badFixity.findings.filter((f) => f.code === 'CHECK_SIGNATURE_INVALID').map((f) => f.path)),
    ).toEqual(new Set([eepPath]));
    expect(badFixity.findings.some((f) => f.code === 'CHECK_DIGEST_MISMATCH')).toBe(false);
  });
});
