import { defineConfig } from 'vitest/config';

// Tests run against `src` through the `@dangan/source` export condition: no build needed first.
export default defineConfig({
  resolve: { conditions: ['@dangan/source'] },
  ssr: { resolve: { conditions: ['@dangan/source'], externalConditions: ['@dangan/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
