import { defineConfig } from 'vite';

// The page uses dangan's pure paths only (no Node built-ins): the library code runs in the browser as it is.
// `@dangan/source` resolves the workspace packages to their TypeScript sources, so no build of them is needed.
export default defineConfig({
  base: './',
  resolve: { conditions: ['@dangan/source', 'browser', 'module', 'import', 'default'] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
