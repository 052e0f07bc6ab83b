import { type MetadataElement, type MetadataScheme, schemeIndex, type UnknownRecord } from '@dangan/metadata';
import fc from 'fast-check';
import { arbitraryRecord } from '../support/arbitrary-record.js';

/**
 * Invalid (or differently valid) records made from valid ones, for the validation property tests and the
 * JSON Schema / zod agreement tests. Each mutation says what finding `validateRecord` must report, when
 * the mutation alone decides it.
 */

/** A present value in a record, with where it sits. */
export interface Slot {
  readonly parent: Record<string, unknown>;
  readonly key: string;
  readonly element: MetadataElement;
  readonly path: readonly (string | number)[];
}

/** A container instance in a record (the record itself has id `''`). */
export interface ContainerInstance {
  readonly object: Record<string, unknown>;
  readonly id: string;
  readonly path: readonly (string | number)[];
}

/** Every present value and container instance of a (valid-shaped) record. */
export function slotsOf(
  scheme: MetadataScheme,
  record: Record<string, unknown>,
): { slots: Slot[]; containers: ContainerInstance[] } {
  const { children } = schemeIndex(scheme);
  const slots: Slot[] = [];
  const containers: ContainerInstance[] = [];
  const walk = (object: Record<string, unknown>, id: string, path: readonly (string | number)[]) => {
    containers.push({ object, id, path });
    for (const element of children.get(id) ?? []) {
      const value = object[element.key];
      if (value === undefined) continue;
      const here = [...path, element.key];
      slots.push({ parent: object, key: element.key, element, path: here });
      if (element.type !== 'container') continue;
      if (element.repeatable && Array.isArray(value)) {
        value.forEach((item, i) => {
          if (item !== null && typeof item === 'object')
            walk(item as Record<string, unknown>, element.id, [...here, i]);
        });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        walk(value as Record<string, unknown>, element.id, here);
      }
    }
  };
  walk(record, '', []);
  return { slots, containers };
}

/** `'/a/0/b'` from segments (record keys in the tables never hold `/` or `~`). */
export const pointerOf = (path: readonly (string | number)[]): string => path.map((s) => `/${s}`).join('');

/** GD-1-6 characters a mutation injects (lone surrogates only where asked: JSON cannot carry them). */
export const ILLEGAL_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ufdd0',
  '\ufffe',
  '\uffff',
  '\u{1fffe}',
  '\u{10ffff}',
] as const;
export const LONE_SURROGATES = ['\ud800', '\udfff'] as const;

export type MutationKind =
  | 'dropRequired'
  | 'wrongType'
  | 'illegalCharacter'
  | 'unknownKey'
  | 'dropConditional'
  | 'dropOptional'
  | 'arrayForSingle'
  | 'singleForArray'
  | 'outOfDomain'
  | 'otherEnumValue'
  | 'emptyValue'
  | 'nullValue'
  | 'badFormat'
  | 'badNumber'
  | 'longText';

/** The finding a mutation must produce (code at path), when it decides one by itself. */
export interface Expected {
  readonly code: string;
  readonly path: string;
}

export interface Mutated {
  readonly record: UnknownRecord;
  readonly applied: readonly MutationKind[];
  /** Findings each applied mutation must cause (mutations later in the list may undo earlier ones). */
  readonly expected: readonly Expected[];
}

interface Spec {
  readonly kind: MutationKind;
  readonly pick: number;
  readonly pick2: number;
  readonly char: string;
}

const isString = (e: MetadataElement) =>
  e.type !== 'container' && !['integer', 'positiveInteger', 'decimal'].includes(e.type);

/**
 * Applies one mutation to `record` in place. Returns the expected finding, `null` when the mutation does not
 * decide one, or `undefined` when nothing in the record can take it.
 */
export function mutate(
  scheme: MetadataScheme,
  record: Record<string, unknown>,
  spec: Spec,
): Expected | null | undefined {
  const { slots, containers } = slotsOf(scheme, record);
  const choose = <T>(list: readonly T[], n = spec.pick): T | undefined =>
    list.length === 0 ? undefined : list[n % list.length];
  const item = (slot: Slot) => {
    const value = slot.parent[slot.key];
    if (!slot.element.repeatable || !Array.isArray(value) || value.length === 0)
      return { get: () => value, set: (v: unknown) => (slot.parent[slot.key] = v), path: slot.path };
    const i = spec.pick2 % value.length;
    return { get: () => value[i], set: (v: unknown) => (value[i] = v), path: [...slot.path, i] };
  };
  switch (spec.kind) {
    case 'dropRequired': {
      const slot = choose(slots.filter((s) => s.element.obligation.kind === '必选'));
      if (slot === undefined) return undefined;
      delete slot.parent[slot.key];
      return { code: 'METADATA_REQUIRED_MISSING', path: pointerOf(slot.path) };
    }
    case 'dropConditional':
    case 'dropOptional': {
      const kind = spec.kind === 'dropConditional' ? '条件选' : '可选';
      const slot = choose(slots.filter((s) => s.element.obligation.kind === kind));
      if (slot === undefined) return undefined;
      delete slot.parent[slot.key];
      return null;
    }
    case 'wrongType': {
      const slot = choose(slots);
      if (slot === undefined) return undefined;
      const target = item(slot);
      const e = slot.element;
      target.set(
        e.type === 'container'
          ? 'x'
          : isString(e)
            ? spec.pick2 % 2 === 0
              ? 42
              : true
            : spec.pick2 % 2 === 0
              ? '12'
              : {},
      );
      return { code: 'METADATA_TYPE_INVALID', path: pointerOf(target.path) };
    }
    case 'illegalCharacter': {
      const slot = choose(slots.filter((s) => isString(s.element)));
      if (slot === undefined) return undefined;
      const target = item(slot);
      const value = target.get();
      if (typeof value !== 'string') return undefined;
      const at = spec.pick2 % (value.length + 1);
      target.set(value.slice(0, at) + spec.char + value.slice(at));
      return { code: 'METADATA_ILLEGAL_CHARACTER', path: pointerOf(target.path) };
    }
    case 'unknownKey': {
      const container = choose(containers);
      if (container === undefined) return undefined;
      const key = `未知元素${spec.pick2 % 7}`;
      container.object[key] = spec.pick2 % 2 === 0 ? 'x' : { a: 1 };
      return { code: 'METADATA_UNKNOWN_ELEMENT', path: pointerOf([...container.path, key]) };
    }
    case 'arrayForSingle': {
      const slot = choose(slots.filter((s) => !s.element.repeatable));
      if (slot === undefined) return undefined;
      slot.parent[slot.key] = [slot.parent[slot.key]];
      return { code: 'METADATA_NOT_REPEATABLE', path: pointerOf(slot.path) };
    }
    case 'singleForArray': {
      const slot = choose(slots.filter((s) => s.element.repeatable));
      if (slot === undefined) return undefined;
      const value = slot.parent[slot.key];
      slot.parent[slot.key] = Array.isArray(value) ? value[0] : value;
      return { code: 'METADATA_EXPECTED_LIST', path: pointerOf(slot.path) };
    }
    case 'outOfDomain': {
      const slot = choose(slots.filter((s) => s.element.type === 'enum' && s.element.domain?.open !== true));
      if (slot === undefined) return undefined;
      const target = item(slot);
      target.set('不在值域内的值');
      return { code: 'METADATA_OUT_OF_DOMAIN', path: pointerOf(target.path) };
    }
    case 'otherEnumValue': {
      const slot = choose(slots.filter((s) => s.element.type === 'enum'));
      if (slot === undefined) return undefined;
      const values = [...(slot.element.domain?.enum ?? []), ...(slot.element.domain?.legacy ?? [])];
      item(slot).set(values[spec.pick2 % values.length]);
      return null;
    }
    case 'emptyValue':
    case 'nullValue': {
      const slot = choose(slots);
      if (slot === undefined) return undefined;
      if (spec.kind === 'nullValue') {
        const target = item(slot);
        target.set(null);
        return { code: 'METADATA_EMPTY_VALUE', path: pointerOf(target.path) };
      }
      if (slot.element.repeatable) {
        slot.parent[slot.key] = [];
        return { code: 'METADATA_EMPTY_VALUE', path: pointerOf(slot.path) };
      }
      if (!isString(slot.element)) return undefined;
      slot.parent[slot.key] = ['', ' ', '\u3000', '\n\t'][spec.pick2 % 4];
      return { code: 'METADATA_EMPTY_VALUE', path: pointerOf(slot.path) };
    }
    case 'badFormat': {
      const bad: Partial<Record<MetadataElement['type'], readonly string[]>> = {
        date: ['2023-02-29', '2024-13-01', '2024-1-01', '20240501', '0000-01-01', '2024-04-31'],
        dateTime: [
          '2024-05-01 10:00:00',
          '2024-05-01T24:00:00',
          '2024-02-30T00:00:00Z',
          '2024-05-01T10:00',
          '2024-05-01T10:00:00+8:00',
        ],
        gYear: ['24', '0000', '2024年', '+2024'],
        base64: ['YQ', 'Y===', 'a b=', '****'],
        uri: ['no scheme', '1http://x', 'http://a b', 'mailto:'],
      };
      const slot = choose(
        slots.filter((s) => bad[s.element.type] !== undefined || s.element.domain?.pattern !== undefined),
      );
      if (slot === undefined) return undefined;
      const values = bad[slot.element.type] ?? ['不符合格式的值 ×'];
      const target = item(slot);
      target.set(values[spec.pick2 % values.length]);
      return { code: 'METADATA_FORMAT_INVALID', path: pointerOf(target.path) };
    }
    case 'badNumber': {
      const slot = choose(
        slots.filter((s) => ['integer', 'positiveInteger', 'decimal'].includes(s.element.type)),
      );
      if (slot === undefined) return undefined;
      const e = slot.element;
      const values =
        e.type === 'decimal'
          ? [(e.domain?.min ?? -1e9) - 1, (e.domain?.max ?? 1e300) * 2]
          : [-1, 1.5, 2 ** 53, e.type === 'positiveInteger' ? 0 : -3, (e.domain?.max ?? 2 ** 60) + 1];
      const target = item(slot);
      target.set(values[spec.pick2 % values.length]);
      return null; // TYPE_INVALID or OUT_OF_DOMAIN, or still valid when the domain allows it
    }
    case 'longText': {
      const slot = choose(slots.filter((s) => s.element.type === 'string'));
      if (slot === undefined) return undefined;
      const target = item(slot);
      target.set('很长的文字𠀀'.repeat(1 + (spec.pick2 % 30)));
      return null; // TOO_LONG only when a maxLength applies
    }
  }
}

/** All kinds, and the four the validation property tests pin down exactly. */
export const ALL_MUTATIONS: readonly MutationKind[] = [
  'dropRequired',
  'wrongType',
  'illegalCharacter',
  'unknownKey',
  'dropConditional',
  'dropOptional',
  'arrayForSingle',
  'singleForArray',
  'outOfDomain',
  'otherEnumValue',
  'emptyValue',
  'nullValue',
  'badFormat',
  'badNumber',
  'longText',
];

/**
 * Valid records with one to `maxMutations` mutations of the given kinds applied (a mutation that finds
 * nothing to change is skipped).
 */
export function arbitraryMutated(
  scheme: MetadataScheme,
  kinds: readonly MutationKind[] = ALL_MUTATIONS,
  options: { maxMutations?: number; characters?: readonly string[] } = {},
): fc.Arbitrary<Mutated> {
  const spec = fc.record({
    kind: fc.constantFrom(...kinds),
    pick: fc.nat(),
    pick2: fc.nat(),
    char: fc.constantFrom(...(options.characters ?? ILLEGAL_CHARACTERS)),
  });
  return fc
    .tuple(arbitraryRecord(scheme), fc.array(spec, { minLength: 1, maxLength: options.maxMutations ?? 1 }))
    .map(([valid, specs]) => {
      const record = structuredClone(valid) as Record<string, unknown>;
      const applied: MutationKind[] = [];
      const expected: Expected[] = [];
      for (const s of specs) {
        const e = mutate(scheme, record, s);
        if (e === undefined) continue;
        applied.push(s.kind);
        if (e !== null) expected.push(e);
      }
      return { record, applied, expected };
    });
}
