import { defineConfig } from 'tsup';

export default defineConfig({
  // One output module per source module (as in @dangan/core): hosts keep only what they import.
  entry: ['src/**/*.ts'],
  bundle: false,
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: { entry: ['src/index.ts', 'src/node/index.ts'] },
  // The Node-only entry needs Node types; the neutral entry is kept honest by `pnpm typecheck`.
  tsconfig: 'tsconfig.build.json',
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
