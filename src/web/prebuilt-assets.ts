import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssetBundle } from './assets.ts';

/** The file that lists prebuilt assets next to the production bundle. */
export const ASSET_MANIFEST = 'manifest.json';

interface Manifest {
  css: string;
  js: string;
  fontPreload: string[];
  icon: string;
  newsroom: { css: string; js: string };
  files: Record<string, { file: string; contentType: string }>;
}

/** Writes a built asset bundle to a folder, with a manifest, for `npm start` to serve without esbuild. */
export function writeAssets(bundle: AssetBundle, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = { css: bundle.css, js: bundle.js, fontPreload: bundle.fontPreload, icon: bundle.icon, newsroom: bundle.newsroom, files: {} };
  for (const [urlPath, asset] of bundle.files) {
    const file = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    writeFileSync(join(dir, file), asset.body);
    manifest.files[urlPath] = { file, contentType: asset.contentType };
  }
  writeFileSync(join(dir, ASSET_MANIFEST), JSON.stringify(manifest, null, 2));
}

/** Reads assets written by writeAssets. */
export function readAssets(dir: string): AssetBundle {
  const manifest = JSON.parse(readFileSync(join(dir, ASSET_MANIFEST), 'utf8')) as Manifest;
  const files = new Map(
    Object.entries(manifest.files).map(([urlPath, { file, contentType }]) => [urlPath, { body: readFileSync(join(dir, file)), contentType }]),
  );
  return { files, css: manifest.css, js: manifest.js, fontPreload: manifest.fontPreload, icon: manifest.icon, newsroom: manifest.newsroom };
}
