/** The metadata schemes the CLI names with `--scheme` or a case file's `scheme`. */
export const SCHEME_IDS = ['ywtb', 'dat46', 'dat54', 'dat63'] as const;
