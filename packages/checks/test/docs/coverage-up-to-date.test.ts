import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageInputs } from '../../scripts/coverage-inputs.js';
import { REGENERATE_COVERAGE, renderCoverageDoc } from '../../scripts/render-coverage.js';

const PAGE = new URL('../../../../docs/standards-coverage.md', import.meta.url);

describe('docs/standards-coverage.md', () => {
  const inputs = coverageInputs();
  const page = renderCoverageDoc(inputs);

  it('is up to date with the data', () => {
    if (readFileSync(PAGE, 'utf8') !== page)
      expect.fail(`docs/standards-coverage.md is out of date: run \`${REGENERATE_COVERAGE}\``);
  });

  it('counts every catalogue item once, and says which rules are missing', () => {
    const rows = page.split('\n').filter((l) => /^\| (归档|移交与接收|长期保存)（/.test(l));
    expect(rows).toHaveLength(3);
    const total = rows.reduce((n, r) => n + Number(r.split('|')[3]), 0);
    expect(total).toBe(inputs.catalogue.items.length);
    const withoutMetadataRules = renderCoverageDoc({ ...inputs, ruleKeys: new Set(['fixity']) });
    expect(withoutMetadataRules).toContain('尚未实现的规则');
  });
});
