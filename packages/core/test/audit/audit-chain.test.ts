import {
  type AuditEvent,
  appendAuditEvent,
  auditEventHash,
  canonicalJson,
  DanganError,
  GENESIS_HASH,
  sm2,
  verifyAuditChain,
} from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const clock = (start = Date.UTC(2026, 0, 1)) => {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t);
  };
};

function buildChain(n: number, checkpointEvery = 0, privateKey?: Uint8Array): AuditEvent[] {
  const now = clock();
  const events: AuditEvent[] = [];
  for (let i = 0; i < n; i++) {
    const signHere = privateKey !== undefined && checkpointEvery > 0 && (i + 1) % checkpointEvery === 0;
    events.push(
      appendAuditEvent(
        events.at(-1),
        {
          type: i % 2 === 0 ? '归档' : '移交',
          actor: `user-${i}`,
          subject: `Z109-WS·2024-Y-${String(i).padStart(4, '0')}`,
          data: { i, ok: true },
        },
        { now, ...(signHere ? { checkpoint: { privateKey } } : {}) },
      ),
    );
  }
  return events;
}

const kinds = (events: readonly unknown[], options = {}) =>
  verifyAuditChain(events, options).problems.map((p) => [p.kind, p.index]);

describe('appendAuditEvent', () => {
  it('links each event to the previous hash, from the genesis hash, with consecutive seq', () => {
    const chain = buildChain(3);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(chain.every((e) => auditEventHash(e) === e.hash)).toBe(true);
    expect(chain[0]!.at).toBe('2026-01-01T00:00:01.000Z');
  });

  it('is deterministic for the same input and clock', () => {
    expect(buildChain(4)).toEqual(buildChain(4));
  });

  it('refuses data that cannot be canonicalised and invalid times', () => {
    expect(() => appendAuditEvent(undefined, { type: 'x', data: { n: Number.NaN } })).toThrow(DanganError);
    expect(() => appendAuditEvent(undefined, { type: 'x', at: 'yesterday' })).toThrow(DanganError);
    expect(() => appendAuditEvent(undefined, { type: '' })).toThrow(TypeError);
  });
});

describe('canonicalJson', () => {
  it('sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, '档'], c: undefined })).toBe('{"a":[true,null,"档"],"b":1}');
  });
  it('gives the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(obj);
      }),
    );
  });
});

describe('verifyAuditChain', () => {
  const chain = buildChain(8);

  it('accepts an untouched chain (also after a JSON round trip)', () => {
    const result = verifyAuditChain(JSON.parse(JSON.stringify(chain)));
    expect(result.ok).toBe(true);
    expect(result.head).toEqual({ seq: 7, hash: chain[7]!.hash });
    expect(result.findings).toEqual([]);
  });

  it('pinpoints an edited event', () => {
    const edited = chain.map((e, i) => (i === 3 ? { ...e, subject: 'forged' } : e));
    expect(kinds(edited)).toEqual([['edited', 3]]);
    expect(verifyAuditChain(edited).findings[0]).toMatchObject({
      code: 'AUDIT_EVENT_EDITED',
      path: 'events[3]',
    });
  });

  it('pinpoints an edited event whose hash was recomputed', () => {
    const e3 = { ...chain[3]!, actor: 'intruder' };
    const rehashed = chain.map((e, i) => (i === 3 ? { ...e3, hash: auditEventHash(e3) } : e));
    expect(kinds(rehashed)).toEqual([['edited', 3]]);
  });

  it('pinpoints a deleted event', () => {
    const deleted = chain.filter((_, i) => i !== 5);
    expect(kinds(deleted)).toEqual([['deleted', 5]]);
    expect(verifyAuditChain(deleted).problems[0]!.message).toContain('seq=5');
  });

  it('pinpoints deleted events at the start', () => {
    expect(kinds(chain.slice(2))).toEqual([['deleted', 0]]);
  });

  it('pinpoints an inserted event, linked or not', () => {
    const forged = appendAuditEvent(chain[2], { type: '销毁', subject: 'forged' }, { now: clock() });
    const linked = [...chain.slice(0, 3), forged, ...chain.slice(3)];
    expect(kinds(linked)).toEqual([['inserted', 3]]);
    const stray = appendAuditEvent(chain[6], { type: '销毁' }, { now: clock() });
    const unlinked = [...chain.slice(0, 3), stray, ...chain.slice(3)];
    expect(kinds(unlinked).map(([k, i]) => `${k}@${i}`)).toContain('inserted@3');
  });

  it('pinpoints reordered events', () => {
    const swapped = [...chain];
    [swapped[2], swapped[4]] = [swapped[4]!, swapped[2]!];
    const problems = verifyAuditChain(swapped).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.kind === 'reordered')).toBe(true);
    expect(problems[0]!.index).toBe(2);
  });

  it('detects truncation only against an expected head', () => {
    const head = { seq: 7, hash: chain[7]!.hash };
    expect(verifyAuditChain(chain.slice(0, 6)).ok).toBe(true);
    expect(kinds(chain.slice(0, 6), { expectedHead: head })).toEqual([['truncated', 6]]);
    expect(verifyAuditChain(chain, { expectedHead: head }).ok).toBe(true);
  });

  it('verifies a segment against an anchor', () => {
    const anchor = { seq: chain[3]!.seq, hash: chain[3]!.hash };
    expect(verifyAuditChain(chain.slice(4), { anchor }).ok).toBe(true);
    expect(verifyAuditChain(chain.slice(5), { anchor }).ok).toBe(false);
  });

  it('reports malformed events without throwing', () => {
    const broken: unknown[] = [...chain];
    broken[2] = null;
    broken[4] = { ...chain[4], seq: 'four' };
    const result = verifyAuditChain(broken);
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.kind === 'invalid').map((p) => p.index)).toEqual([2, 4]);
  });

  it('detects any single mutation of a random chain', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.nat(),
        fc.constantFrom('edit', 'delete', 'swap', 'duplicate'),
        (n, pick, mutation) => {
          const events: AuditEvent[] = buildChain(n);
          const i = 1 + (pick % (n - 1));
          const mutated: AuditEvent[] = [...events];
          if (mutation === 'edit') mutated[i] = { ...events[i]!, type: `${events[i]!.type}!` };
          if (mutation === 'delete') mutated.splice(i === n - 1 ? i - 1 : i, 1);
          if (mutation === 'swap') [mutated[i - 1], mutated[i]] = [events[i]!, events[i - 1]!];
          if (mutation === 'duplicate') mutated.splice(i, 0, events[i]!);
          const result = verifyAuditChain(mutated);
          expect(result.ok).toBe(false);
          expect(result.problems[0]!.index).toBeLessThanOrEqual(i + 1);
          expect(result.problems[0]!.index).toBeGreaterThanOrEqual(i - 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = sm2.generateKeyPair();
  const other = sm2.generateKeyPair();
  const chain = buildChain(6, 3, privateKey);

  it('signs every third event and verifies the signatures against trusted keys', () => {
    expect(chain.filter((e) => e.signature !== undefined).map((e) => e.seq)).toEqual([2, 5]);
    const result = verifyAuditChain(chain, { trustedPublicKeys: [publicKey] });
    expect(result.ok).toBe(true);
    expect(result.verifiedCheckpoints).toBe(2);
  });

  it('rejects a tampered signature and an untrusted signer', () => {
    const sig = chain[2]!.signature!;
    const flipped = sig.value.slice(0, -2) + (sig.value.endsWith('00') ? '01' : '00');
    const tampered = chain.map((e, i) => (i === 2 ? { ...e, signature: { ...sig, value: flipped } } : e));
    expect(kinds(tampered)).toEqual([['bad-signature', 2]]);
    expect(kinds(chain, { trustedPublicKeys: [other.publicKey] })).toEqual([
      ['untrusted-signer', 2],
      ['untrusted-signer', 5],
    ]);
  });

  it('catches a rewritten history even when every hash was recomputed', () => {
    // Rewrite event 1 and rehash everything after it: the chain is self-consistent but checkpoint 2's
    // signature no longer matches its hash, and the attacker does not hold the key.
    const rewritten: AuditEvent[] = [];
    for (const [i, e] of chain.entries()) {
      const base = {
        ...e,
        ...(i === 1 ? { actor: 'intruder' } : {}),
        prevHash: i === 0 ? e.prevHash : rewritten[i - 1]!.hash,
      };
      rewritten.push({ ...base, hash: auditEventHash(base) });
    }
    const problems = verifyAuditChain(rewritten, { trustedPublicKeys: [publicKey] }).problems;
    expect(problems.map((p) => p.kind)).toEqual(['bad-signature', 'bad-signature']);
  });
});
