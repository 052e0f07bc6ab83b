import { type MetadataScheme, schemes } from '@dangan/metadata';

/** The metadata schemes the CLI names with `--scheme` or a case file's `scheme`. */
export const SCHEME_IDS = ['ywtb', 'dat46', 'dat54', 'dat63'] as const;

/**
 * The built-in scheme with this id, or `undefined`.
 *
 * @example
 * schemeById('ywtb')?.id; // 'ywtb'
 */
export function schemeById(id: string): MetadataScheme | undefined {
  const table: Readonly<Record<string, MetadataScheme>> = {
    dat46: schemes.dat46,
    dat54: schemes.dat54,
    dat63: schemes.dat63,
    ywtb: schemes.ywtb,
  };
  return Object.hasOwn(table, id) ? table[id] : undefined;
}
