import { defineConfig } from 'tsup';

export default defineConfig({
  // One output module per source module, as in @dangan/core: bundlers keep only what a host imports
  // (the scheme tables, capture parsers and zod stay out of a bundle that does not use them).
  entry: ['src/**/*.ts'],
  bundle: false,
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: { entry: ['src/index.ts', 'src/zod/index.ts', 'src/filing/catalogue/xlsx/index.ts'] },
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
