import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as esbuild from 'esbuild';

/** One built asset as served: its bytes and Content-Type. */
export interface AssetFile {
  body: Buffer;
  contentType: string;
}

/** The reader site's browser assets, with content-hashed URL paths that can be cached forever. */
export interface AssetBundle {
  /** Every asset by URL path, e.g. "/assets/main-3f2a1c9b.js". */
  files: Map<string, AssetFile>;
  /** URL path of the stylesheet. */
  css: string;
  /** URL path of the script (an ES module). */
  js: string;
  /** URL paths of the fonts every page needs first, for <link rel=preload>. */
  fontPreload: string[];
  /** URL path of the site icon (SVG). */
  icon: string;
  /** The newsroom's own script (editor, autosave) and stylesheet: never loaded on reader pages. */
  newsroom: { css: string; js: string };
}

interface FontChoice {
  /** Package name under @fontsource. */
  pkg: string;
  weight: number;
  /** Fontsource subsets: Arabic text, and Latin for spaces, digits and punctuation such as “ ” –. */
  subsets: readonly string[];
  preload: boolean;
}

// Three faces keep the font budget small: Naskh for reading, Kufi bold for headlines and UI, and
// Naskh bold, which a browser fetches only on pages whose body actually has bold text.
const FONTS: readonly FontChoice[] = [
  { pkg: 'noto-naskh-arabic', weight: 400, subsets: ['arabic', 'latin'], preload: true },
  { pkg: 'noto-kufi-arabic', weight: 700, subsets: ['arabic', 'latin'], preload: true },
  { pkg: 'noto-naskh-arabic', weight: 700, subsets: ['arabic', 'latin'], preload: false },
];

const PRELOAD_SUBSET = 'arabic';
const CSS_TARGET = ['chrome100', 'edge100', 'firefox100', 'safari15', 'ios15'];
const require = createRequire(import.meta.url);
const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

/**
 * Builds the reader assets in memory: the bundled, minified client script and stylesheet, and the
 * chosen woff2 fonts copied from @fontsource, every file named by a hash of its content. The
 * stylesheet starts with @font-face rules taken from fontsource's own CSS (so unicode-range stays
 * right) with their URLs rewritten to the hashed font files.
 */
export async function buildAssets(): Promise<AssetBundle> {
  // Loaded here, not at the top: a production server reads prebuilt assets and never needs esbuild.
  const esbuild = await import('esbuild');
  const files = new Map<string, AssetFile>();
  const fontFaces: string[] = [];
  const fontPreload: string[] = [];

  await Promise.all(
    FONTS.map(async (font) => {
      const css = await readFile(require.resolve(`@fontsource/${font.pkg}/${font.weight}.css`), 'utf8');
      for (const subset of font.subsets) {
        const fileName = `${font.pkg}-${subset}-${font.weight}-normal.woff2`;
        const body = await readFile(require.resolve(`@fontsource/${font.pkg}/files/${fileName}`));
        const url = addFile(files, fileName, body, 'font/woff2');
        fontFaces.push(fontFace(css, fileName, url));
        if (font.preload && subset === PRELOAD_SUBSET) fontPreload.push(url);
      }
    }),
  );

  const styles = await readFile(`${clientDir}styles.css`, 'utf8');
  const newsroomStyles = await readFile(`${clientDir}newsroom/newsroom.css`, 'utf8');
  const [cssBuild, jsBuild, newsroomCssBuild, newsroomJsBuild] = await Promise.all([
    esbuild.build({
      stdin: { contents: `${fontFaces.sort().join('\n')}\n${styles}`, loader: 'css', resolveDir: clientDir },
      bundle: true,
      external: ['/assets/*'],
      minify: true,
      write: false,
      target: CSS_TARGET,
      logLevel: 'silent',
    }),
    esbuild.build({
      entryPoints: [`${clientDir}main.ts`],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      write: false,
      target: 'es2019',
      logLevel: 'silent',
    }),
    // The newsroom stylesheet comes after the reader's on newsroom pages (fonts and base rules are shared).
    esbuild.build({
      stdin: { contents: newsroomStyles, loader: 'css', resolveDir: `${clientDir}newsroom/` },
      bundle: true,
      minify: true,
      write: false,
      target: CSS_TARGET,
      logLevel: 'silent',
    }),
    esbuild.build({
      entryPoints: [`${clientDir}newsroom/newsroom.ts`],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      write: false,
      target: 'es2020',
      logLevel: 'silent',
    }),
  ]);

  const css = addFile(files, 'styles.css', Buffer.from(onlyOutput(cssBuild).contents), 'text/css; charset=utf-8');
  const js = addFile(files, 'main.js', Buffer.from(onlyOutput(jsBuild).contents), 'text/javascript; charset=utf-8');
  const newsroom = {
    css: addFile(files, 'newsroom.css', Buffer.from(onlyOutput(newsroomCssBuild).contents), 'text/css; charset=utf-8'),
    js: addFile(files, 'newsroom.js', Buffer.from(onlyOutput(newsroomJsBuild).contents), 'text/javascript; charset=utf-8'),
  };
  const icon = addFile(files, 'favicon.svg', await readFile(`${clientDir}favicon.svg`), 'image/svg+xml');
  // Order the preloads as FONTS lists them, whatever order the reads finished in.
  fontPreload.sort((a, b) => preloadRank(a) - preloadRank(b));
  return { files, css, js, fontPreload, icon, newsroom };
}

function addFile(files: Map<string, AssetFile>, fileName: string, body: Buffer, contentType: string): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const dot = fileName.indexOf('.');
  const url = `/assets/${fileName.slice(0, dot)}-${hash}${fileName.slice(dot)}`;
  files.set(url, { body, contentType });
  return url;
}

/**
 * Finds the @font-face block for `fileName` in fontsource's CSS and rewrites its src to the one
 * hashed woff2 URL (every browser the site supports reads woff2, so the woff fallback is dropped).
 */
function fontFace(css: string, fileName: string, url: string): string {
  const block = css.match(/@font-face\s*\{[^}]*\}/g)?.find((rule) => rule.includes(`/${fileName})`));
  if (!block) throw new Error(`No @font-face for ${fileName} in @fontsource CSS`);
  const withSrc = block.replace(/src:[^;]*;/, `src: url(${url}) format('woff2');`);
  return /font-display\s*:/.test(withSrc) ? withSrc : withSrc.replace('{', '{ font-display: swap;');
}

function onlyOutput(result: esbuild.BuildResult<{ write: false }>): esbuild.OutputFile {
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output');
  return file;
}

function preloadRank(url: string): number {
  return FONTS.findIndex((font) => font.preload && url.startsWith(`/assets/${font.pkg}-${PRELOAD_SUBSET}-${font.weight}-`));
}
