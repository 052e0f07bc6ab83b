import { DanganError, FORMAT_IDS } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/catalogue/catalogue.js';
import { parseProfile, safeParseProfile } from '../../src/profile/parse.js';
import { profiles } from '../../src/profile/profiles.js';
import { resolveProfile, safeResolveProfile } from '../../src/profile/resolve.js';
import type { CheckProfile } from '../../src/profile/types.js';
import { validateProfile } from '../../src/profile/validate.js';

function thrown(fn: () => unknown): DanganError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DanganError) return e;
    throw e;
  }
  throw new Error('expected a DanganError');
}

describe('shipped profiles', () => {
  it('are valid', () => {
    for (const p of Object.values(profiles)) expect(validateProfile(p), p.id).toEqual([]);
  });

  it('dat70 enables every item with its default severity, SM3 + SHA-256 and the GB/T 18894 formats', () => {
    const p = resolveProfile('dat70');
    expect(p.chain).toEqual(['dat70']);
    expect(Object.keys(p.items)).toHaveLength(catalogue.items.length);
    for (const item of catalogue.items) {
      expect(p.items[item.id], item.id).toEqual({
        enabled: true,
        severity: item.defaultSeverity,
        params: {},
      });
    }
    expect(p.parameters.digestAlgorithms).toEqual(['sm3', 'sha256']);
    for (const stage of ['archiving', 'transfer', 'preservation'] as const) {
      const formats = p.parameters.allowedFormats?.[stage] ?? [];
      expect(formats).toContain('ofd');
      expect(formats).toContain('pdf');
      for (const f of formats) expect(FORMAT_IDS).toContain(f);
    }
    expect(p.parameters.metadata).toEqual({ utcOffsetMinutes: 480, unknownElements: 'error' });
  });

  it('shanghai-ywtb extends dat70 with 办件-level settings, applied to the rule in every stage', () => {
    const p = resolveProfile('shanghai-ywtb');
    expect(p.chain).toEqual(['dat70', 'shanghai-ywtb']);
    expect(p.id).toBe('shanghai-ywtb');
    for (const id of ['GD-2-6', 'YJ-2-6', 'BC-2-5']) expect(p.items[id]?.params).toEqual({ groupBy: '办件' });
    expect(p.items['GD-2-9']?.params).toEqual({
      requireSchedule: true,
      requiredMaterialKinds: ['结果性材料'],
    });
    expect(p.items['GD-2-5']?.params.requiredActions).toEqual(['受理']);
    expect(p.parameters.digestAlgorithms).toEqual(['sm3', 'sha256']);
  });

  it('resolves the default profile by id and by object alike', () => {
    expect(resolveProfile(profiles.dat70)).toEqual(resolveProfile('dat70'));
  });
});

describe('custom profiles', () => {
  it('enable, disable and parameterise items by id, group and rule; the derived profile wins', () => {
    const mine: CheckProfile = {
      id: 'pudong',
      name: '浦东新区方案',
      extends: 'shanghai-ywtb',
      items: {
        'GD:4-2': { enabled: false },
        'GD-4-3': { enabled: true },
        'metadata.continuity': { params: { start: 'lowest' } },
        'GD-2-6': { severity: 'warning', params: { groupBy: '档号' } },
      },
      parameters: {
        allowedFormats: { archiving: ['ofd', 'pdf'] },
        digestAlgorithms: ['sm3'],
        metadata: { maxLength: 200 },
      },
    };
    const p = resolveProfile(mine);
    expect(p.chain).toEqual(['dat70', 'shanghai-ywtb', 'pudong']);
    expect(['GD-4-4', 'GD-4-5', 'GD-4-6'].map((id) => p.items[id]?.enabled)).toEqual([false, false, false]);
    expect(p.items['GD-4-3']?.enabled).toBe(true);
    expect(p.items['YJ-4-3']?.enabled).toBe(true);
    expect(p.items['GD-2-6']).toEqual({
      enabled: true,
      severity: 'warning',
      params: { groupBy: '档号', start: 'lowest' },
    });
    expect(p.items['YJ-2-6']?.params).toEqual({ groupBy: '办件', start: 'lowest' });
    expect(p.parameters.allowedFormats?.archiving).toEqual(['ofd', 'pdf']);
    expect(p.parameters.allowedFormats?.transfer).toContain('ofd');
    expect(p.parameters.allowedFormats?.transfer?.length).toBeGreaterThan(2);
    expect(p.parameters.digestAlgorithms).toEqual(['sm3']);
    expect(p.parameters.metadata).toEqual({
      utcOffsetMinutes: 480,
      unknownElements: 'error',
      maxLength: 200,
    });
  });

  it('finds bases in a registry (object, Map or list)', () => {
    const base: CheckProfile = {
      id: 'base',
      name: '基',
      extends: 'dat70',
      items: { 'GD-1-1': { severity: 'warning' } },
    };
    const leaf: CheckProfile = { id: 'leaf', name: '叶', extends: 'base' };
    for (const registry of [{ base }, new Map([['base', base]]), [base]]) {
      const p = resolveProfile(leaf, registry);
      expect(p.chain).toEqual(['dat70', 'base', 'leaf']);
      expect(p.items['GD-1-1']?.severity).toBe('warning');
    }
    expect(resolveProfile('leaf', [base, leaf]).id).toBe('leaf');
  });

  it('reports unknown items, bad severities, unknown formats and digests with JSON-pointer paths', () => {
    const e = thrown(() =>
      resolveProfile({
        id: 'bad',
        name: '错',
        items: {
          'GD-9-9': { enabled: false },
          'GD-1-2': { severity: 'fatal' as 'error' },
          'DA/T70-2018:GD:1-2': { enabled: 'yes' as unknown as boolean },
          'GD-1-3': { enable: false } as never,
        },
        parameters: {
          allowedFormats: { archiving: ['pdf', 'docm' as 'pdf'], GD: ['pdf'] } as never,
          digestAlgorithms: ['sm3', 'crc32' as 'sm3'],
        },
      }),
    );
    expect(e.code).toBe('CHECK_PROFILE_INVALID');
    expect(e.message).toMatch(/^检测方案“bad”不合格/);
    expect(e.findings.map((f) => [f.code, f.path])).toEqual([
      ['CHECK_PROFILE_UNKNOWN_ITEM', '/items/GD-9-9'],
      ['CHECK_PROFILE_BAD_SEVERITY', '/items/GD-1-2/severity'],
      ['CHECK_PROFILE_INVALID', '/items/DA~1T70-2018:GD:1-2/enabled'],
      ['CHECK_PROFILE_INVALID', '/items/GD-1-3/enable'],
      ['CHECK_PROFILE_UNKNOWN_FORMAT', '/parameters/allowedFormats/archiving/1'],
      ['CHECK_PROFILE_INVALID', '/parameters/allowedFormats/GD'],
      ['CHECK_PROFILE_UNKNOWN_DIGEST', '/parameters/digestAlgorithms/1'],
    ]);
    expect(e.findings.find((f) => f.path === '/parameters/allowedFormats/GD')?.message).toContain(
      'archiving',
    );
    for (const f of e.findings) expect(f.severity).toBe('error');
  });

  it('validates the base profiles of the chain too', () => {
    const base = { id: 'base', name: '基', items: { 'XX-1-1': {} } } as CheckProfile;
    const e = thrown(() => resolveProfile({ id: 'leaf', name: '叶', extends: 'base' }, { base }));
    expect(e.code).toBe('CHECK_PROFILE_INVALID');
    expect(e.findings[0]?.path).toBe('/items/XX-1-1');
  });

  it('throws CHECK_PROFILE_CYCLE for an extends cycle and CHECK_PROFILE_NOT_FOUND for a missing base', () => {
    const registry = {
      a: { id: 'a', name: 'A', extends: 'b' },
      b: { id: 'b', name: 'B', extends: 'a' },
    };
    const cycle = thrown(() => resolveProfile('a', registry));
    expect(cycle.code).toBe('CHECK_PROFILE_CYCLE');
    expect(cycle.message).toContain('a → b → a');
    const self = thrown(() =>
      resolveProfile({ id: 's', name: 'S', extends: 's' }, { s: { id: 's', name: 'S', extends: 's' } }),
    );
    expect(self.code).toBe('CHECK_PROFILE_CYCLE');
    const missing = safeResolveProfile({ id: 'x', name: 'X', extends: 'nope' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('CHECK_PROFILE_NOT_FOUND');
      expect(missing.findings[0]?.path).toBe('/extends');
    }
    expect(thrown(() => resolveProfile('nope')).code).toBe('CHECK_PROFILE_NOT_FOUND');
    expect(() => resolveProfile(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('parseProfile', () => {
  const text = JSON.stringify({
    id: 'host',
    name: '宿主方案',
    extends: 'dat70',
    items: { 'GD-4-6': { enabled: false }, 'metadata.archival-code': { params: { template: 'dat22' } } },
    parameters: { allowedFormats: { archiving: ['ofd'] } },
  });

  it('reads a host profile file, which then resolves', () => {
    const profile = parseProfile(text);
    expect(profile.id).toBe('host');
    const p = resolveProfile(profile);
    expect(p.items['GD-4-6']?.enabled).toBe(false);
    expect(p.items['BC-1-8']?.params).toEqual({ template: 'dat22' });
  });

  it('reports text that is not JSON, and bad profiles, without throwing in the safe form', () => {
    const notJson = safeParseProfile('{ id: ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) {
      expect(notJson.error.code).toBe('CHECK_PROFILE_INVALID');
      expect(notJson.findings[0]?.code).toBe('CHECK_PROFILE_JSON_INVALID');
    }
    const bad = safeParseProfile('{"id":"x","name":"x","items":{"GD-1-2":{"severity":"fatal"}}}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.findings[0]?.path).toBe('/items/GD-1-2/severity');
    expect(safeParseProfile('[]').ok).toBe(false);
    expect(safeParseProfile(text).ok).toBe(true);
  });

  it('keeps a JSON __proto__ key a plain key when merging params', () => {
    const profile = parseProfile(
      '{"id":"p","name":"p","items":{"GD-2-6":{"params":{"__proto__":{"polluted":true},"start":2}}}}',
    );
    const p = resolveProfile(profile);
    const params = p.items['GD-2-6']!.params;
    expect(params.start).toBe(2);
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((params as Record<string, unknown>).polluted).toBeUndefined();
  });
});
