// Builds the staff console into web/dist: one JS bundle (Preact + Leaflet), one CSS file and an
// index.html that names them with a content hash, so a browser never mixes an old page with a new bundle.
// Plain JavaScript on purpose: `npm ci` runs it from postinstall, before anything else is set up.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = path.join(here, 'dist');
const screensDir = path.join(here, 'src/screens');

/**
 * `virtual:console-screens`: every web/src/screens/<name>/index.ts (its `order` and `screens`), found when
 * the bundle is made, so a capability adds its screens in its own folder without editing a shared list.
 * The types are in web/src/screens/console-screens.d.ts.
 * @type {import('esbuild').Plugin}
 */
const consoleScreens = {
  name: 'console-screens',
  setup(build) {
    build.onResolve({ filter: /^virtual:console-screens$/ }, () => ({ path: 'console-screens', namespace: 'console-screens' }));
    build.onLoad({ filter: /.*/, namespace: 'console-screens' }, () => {
      const sets = readdirSync(screensDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(screensDir, d.name, 'index.ts')))
        .map((d) => d.name)
        .sort();
      const contents = [
        ...sets.map((name, i) => `import * as set${i} from './${name}/index.ts';`),
        `export default [${sets.map((_, i) => `set${i}`).join(', ')}];`,
      ];
      return { contents: contents.join('\n'), resolveDir: screensDir, loader: 'js', watchDirs: [screensDir] };
    });
  },
};

/** @param {{ outDir?: string, minify?: boolean }} [opts] */
export async function buildConsole(opts = {}) {
  const outDir = opts.outDir ?? DEFAULT_OUT_DIR;
  const { build } = await import('esbuild');
  const staging = `${outDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await build({
    entryPoints: { app: path.join(here, 'src/main.tsx') },
    outdir: staging,
    bundle: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: opts.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    // Leaflet's CSS points at its marker images; they are inlined so the map needs no extra requests.
    loader: { '.png': 'dataurl', '.svg': 'dataurl', '.json': 'json' },
    logLevel: 'warning',
    plugins: [consoleScreens],
  });
  // The public portal's one script: its map over the list of reports (server/portal/map-routes.tsx serves it).
  await build({
    entryPoints: { map: path.join(here, 'src/portal/map.ts') },
    outdir: path.join(staging, 'portal'),
    bundle: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: opts.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    logLevel: 'warning',
  });
  const js = await readFile(path.join(staging, 'app.js'));
  const css = await readFile(path.join(staging, 'app.css'));
  const hash = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
  const html = (await readFile(path.join(here, 'src/index.html'), 'utf8')).replaceAll('%VERSION%', hash);
  await writeFile(path.join(staging, 'index.html'), html);
  await copyFile(path.join(here, 'src/favicon.svg'), path.join(staging, 'favicon.svg'));
  // Swap in one step, so a running server never serves a half-written bundle.
  await rm(outDir, { recursive: true, force: true });
  try {
    await rename(staging, outDir);
  } catch (e) {
    // Another process (a second server or test worker) finished the same build first: theirs is as good.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(outDir, 'index.html'))) throw e;
  }
  return { outDir, version: hash };
}

/** Newest modification time of the console's sources (and this script), in ms. */
function newestSource(dir = path.join(here, 'src')) {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether `outDir` holds a build at all. */
export function isBuilt(outDir = DEFAULT_OUT_DIR) {
  return existsSync(path.join(outDir, 'index.html'));
}

/** Whether the build in `outDir` is older than the sources next to it (a pull without `npm install`). */
export function isStale(outDir = DEFAULT_OUT_DIR) {
  if (!isBuilt(outDir) || !existsSync(path.join(here, 'src'))) return false;
  return newestSource() > statSync(path.join(outDir, 'index.html')).mtimeMs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  buildConsole({ minify: !process.argv.includes('--dev') }).then(
    (r) => console.log(`console built into ${path.relative(process.cwd(), r.outDir)} (${r.version}) in ${Date.now() - started} ms`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
