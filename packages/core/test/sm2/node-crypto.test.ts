import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/bytes/index.js';
import * as sm2 from '../../src/sm2/index.js';

// The pitfall documented in shared/standards (§8.4): node:crypto's SM2 (Node 20, OpenSSL 3.0) computes Z with an
// EMPTY user ID, so its signatures do not verify under the GM/T 0009 default '1234567812345678', and ours
// (made with the default) do not verify in node:crypto. They interoperate only with userId ''.
describe('node:crypto SM2 uses an empty user ID', () => {
  const pair = sm2.generateKeyPair();
  const privateKey = createPrivateKey(sm2.privateKeyToPem(pair.privateKey));
  const publicKey = createPublicKey(sm2.publicKeyToPem(pair.publicKey));
  const message = utf8('node:crypto pitfall');

  it('a node:crypto signature verifies with userId "" and not with the default', () => {
    const signature = new Uint8Array(nodeSign('sm3', message, privateKey));
    expect(sm2.verify(signature, message, pair.publicKey, { userId: '' })).toBe(true);
    expect(sm2.verify(signature, message, pair.publicKey)).toBe(false);
  });

  it('our signature verifies in node:crypto only when made with userId ""', () => {
    expect(nodeVerify('sm3', message, publicKey, sm2.sign(message, pair.privateKey, { userId: '' }))).toBe(
      true,
    );
    expect(nodeVerify('sm3', message, publicKey, sm2.sign(message, pair.privateKey))).toBe(false);
  });
});
