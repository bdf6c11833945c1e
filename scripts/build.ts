/**
 * Production build, run by `npm start`: bundles the server and CLI into dist/midad.js (plain
 * JavaScript: no TypeScript loader in the running process) and writes the hashed browser assets
 * to dist/assets/, so the server needs neither tsx nor esbuild at run time.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildAssets } from '../src/web/assets.ts';
import { writeAssets } from '../src/web/prebuilt-assets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: [`${root}src/cli/midad.ts`],
  outfile: `${dist}/midad.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules; only our own code is bundled.
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});
writeAssets(await buildAssets(), `${dist}/assets`);
