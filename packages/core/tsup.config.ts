import { defineConfig } from 'tsup';

export default defineConfig({
  // One output module per source module (not one bundle): a consumer's bundler then drops every module it
  // does not import (`sideEffects: false`). A single pre-bundled file kept all of SM2 alive for an
  // `import { sm3 }`, because the `sm2` namespace object is built by a top-level call.
  entry: ['src/**/*.ts'],
  bundle: false,
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: { entry: ['src/index.ts', 'src/node.ts'] },
  // The Node-only entry needs Node types; the neutral entry is kept honest by `pnpm typecheck`.
  tsconfig: 'tsconfig.build.json',
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
