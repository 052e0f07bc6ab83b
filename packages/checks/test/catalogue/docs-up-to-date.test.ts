import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVISIONAL_MARK, REGENERATE_COMMAND, renderCatalogueDoc } from '../../scripts/render-catalogue.js';
import { catalogue } from '../../src/catalogue/catalogue.js';

const DOC = new URL('../../../../docs/checks/catalogue.md', import.meta.url);

describe('docs/checks/catalogue.md', () => {
  const page = renderCatalogueDoc(catalogue);

  it('is up to date with the catalogue data', () => {
    const committed = readFileSync(DOC, 'utf8');
    if (committed !== page)
      expect.fail(
        `docs/checks/catalogue.md is out of date with the catalogue: run \`${REGENERATE_COMMAND}\``,
      );
  });

  it('has one row per item, provisional ids marked, and no broken table row', () => {
    const rows = page.split('\n').filter((l) => /^\| `(GD|YJ|BC)-/.test(l));
    expect(rows).toHaveLength(catalogue.items.length);
    for (const row of rows) expect(row.replaceAll('\\|', '').split('|').length, row).toBe(11);
    expect(rows.find((r) => r.startsWith('| `GD-1-9`'))).toContain(PROVISIONAL_MARK);
    expect(rows.find((r) => r.startsWith('| `GD-1-7`'))).not.toContain(PROVISIONAL_MARK);
    expect(renderCatalogueDoc(catalogue)).toBe(page);
  });
});
