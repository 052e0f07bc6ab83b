/**
 * Examples known to fail type-checking, by `<entry specifier> <symbol>` → why. Kept short and temporary: an
 * entry here must still fail (the test says so when it starts passing), and the lead empties the list as the
 * owners of those files fix their TSDoc. Add an entry only for a file you may not edit, with the reason.
 */
export const KNOWN_FAILING_EXAMPLES: ReadonlyMap<string, string> = new Map<string, string>([]);
