import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sm2, verifyAuditChain } from '@dangan/core';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe('pnpm demo (sign-and-verify)', () => {
  it('writes a signed file, keys and an audit log that verify independently', () => {
    const out = mkdtempSync(join(tmpdir(), 'dangan-demo-test-'));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=@dangan/source', join(here, '..', 'main.ts'), '--', '--out', out],
      { encoding: 'utf8', cwd: join(here, '..') },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('验证失败 ✘——篡改被发现');
    const file = readFileSync(join(out, '准予设立登记通知书.pdf'));
    const signature = readFileSync(join(out, '准予设立登记通知书.pdf.sig'));
    const publicKey = sm2.publicKeyFromPem(readFileSync(join(out, 'signer.pub.pem'), 'utf8'));
    expect(sm2.verify(signature, file, publicKey)).toBe(true);
    const events = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as unknown[];
    expect(verifyAuditChain(events, { trustedPublicKeys: [publicKey] })).toMatchObject({
      ok: true,
      verifiedCheckpoints: 1,
    });
  });
});
