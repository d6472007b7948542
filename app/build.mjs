// Builds the server into dist/: one ESM bundle per entry point (app/main.ts → dist/app/main.js, app/demo.ts →
// dist/app/demo.js, app/build-template.ts → dist/app/build-template.js) with source maps, so production runs
// plain `node` on compiled JavaScript instead of transpiling TypeScript at every start (tsx costs about a second
// and 75–90 MB there), while a stack trace still names the TypeScript file and line (`node --enable-source-maps`).
// Development keeps tsx (`npm run dev`). Then the template a new embedded database starts from
// (core/db/template.ts) into dist/template.
// Plain JavaScript on purpose: `npm ci` runs it from postinstall, before anything else is set up.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { asciiBundle } from './build-ascii.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const DEFAULT_DIST_DIR = path.join(ROOT, 'dist');
/** Entry points; each becomes dist/app/<its name>.js, wherever its source is. */
export const ENTRIES = ['app/main.ts', 'app/demo.ts', 'app/build-template.ts'];
/** What the bundle and the template are made of (what `isStale` watches). */
const SOURCES = ['app', 'bot', 'core', 'jobs', 'prisma', 'server', 'generated', 'web/build.mjs'];

/**
 * Packages left to Node's own loader (not bundled): they find files beside their own modules at run time
 * (PGlite its .wasm and .data, Prisma's client its query compiler, the schema engine its .wasm, esbuild its
 * binary), so they must stay where npm put them. zxcvbn-ts too: imported lazily (core/staff/password-policy.ts,
 * 2 MB of dictionaries loaded at the first password check), and bundled its CommonJS build loses the named export
 * the dynamic import asks for. Everything else (Fastify, grammY, zod, pino…) is bundled: one file parses faster
 * than the thousand modules it replaces.
 */
export const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  '@prisma/client',
  '@prisma/client/*',
  '@prisma/schema-engine-wasm',
  '@prisma/schema-engine-wasm/*',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'node-cron',
  'esbuild',
  'pglite-prisma-adapter',
  'pg-native',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
];

/**
 * Our sources find files next to themselves through `import.meta.url` (locales, migrations, the console). In a
 * bundle that would be the bundle's URL, so each source's own URL is put back, relative to the bundle: the
 * relation holds wherever the project folder is moved, as dist/ travels with the sources.
 */
function ownUrlPlugin(outDir) {
  return {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.(ts|tsx|mts|mjs|js)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        // Entries and shared chunks all sit in <outDir>/app, so one relative path fits every file of the bundle.
        const relative = path.relative(path.join(outDir, 'app'), args.path).split(path.sep).join('/');
        const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`);
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : /\.[mc]?ts$/.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * `outDir` must be inside the project (the packages left external are found from it, in node_modules);
 * `entries`: other entry points than the app's (tests, benchmarks).
 * @param {{ outDir?: string, entries?: string[] }} [opts]
 */
export async function buildServer(opts = {}) {
  const outDir = opts.outDir ?? DEFAULT_DIST_DIR;
  const { build } = await import('esbuild');
  const staging = `${outDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: (opts.entries ?? ENTRIES).map((e) => path.join(ROOT, e)),
    outdir: staging,
    entryNames: 'app/[name]',
    bundle: true,
    // The entries share one chunk of code instead of carrying a copy each.
    splitting: true,
    chunkNames: 'app/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    // The TypeScript files ship beside the bundle; the map only needs to point at them.
    sourcesContent: false,
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's built-ins; ESM has no require of its own.
    banner: { js: "import { createRequire as __azamatCreateRequire } from 'node:module'; const require = __azamatCreateRequire(import.meta.url);" },
    plugins: [ownUrlPlugin(outDir)],
    // No comments: with the regular expressions (app/build-ascii.mjs) they are the only non-ASCII text esbuild
    // leaves, and an ASCII-only bundle is held by V8 at one byte a character instead of two, 5 MB less.
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // esbuild leaves regular expressions as written; one non-ASCII character would double the chunk's size in memory.
  for (const left of await asciiBundle(path.join(staging, 'app'))) console.warn(`not ASCII, so held at two bytes a character: ${left}`);
  // The maps were written in the staging folder; their paths to the sources hold from outDir, a sibling.
  await writeFile(path.join(staging, 'build.json'), `${JSON.stringify({ entries: opts.entries ?? ENTRIES }, null, 2)}\n`);
  // Swap in one step, so a start never finds half a build.
  await rm(outDir, { recursive: true, force: true });
  try {
    await rename(staging, outDir);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    if (!isBuilt(outDir, opts.entries)) throw e;
  }
  return { outDir };
}

/** Whether `outDir` holds a build of every entry. */
export function isBuilt(outDir = DEFAULT_DIST_DIR, entries = ENTRIES) {
  return entries.every((e) => existsSync(path.join(outDir, 'app', path.basename(e).replace(/\.ts$/, '.js'))));
}

function newest(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = stat.mtimeMs;
  for (const entry of readdirSync(p)) t = Math.max(t, newest(path.join(p, entry)));
  return t;
}

/** Whether a source (or this script) changed after the build in `outDir`: a pull or an edit without a build. */
export function isStale(outDir = DEFAULT_DIST_DIR) {
  if (!isBuilt(outDir) || !existsSync(path.join(outDir, 'build.json'))) return true;
  const built = statSync(path.join(outDir, 'build.json')).mtimeMs;
  return Math.max(statSync(fileURLToPath(import.meta.url)).mtimeMs, ...SOURCES.map((s) => newest(path.join(ROOT, s)))) > built;
}

/**
 * The template, with the bundle just built. Its failure is a warning, not a failed install: without a template
 * a new database is made by initdb, as it always was.
 */
export function buildTemplate(outDir = DEFAULT_DIST_DIR) {
  const run = spawnSync(process.execPath, ['--enable-source-maps', path.join(outDir, 'app/build-template.js'), path.join(outDir, 'template')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0)
    console.warn('The database template could not be built: a new embedded database will be created by initdb (slower). `npm run build` tries again.');
  return run.status === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) process.exit(0);
  buildServer().then(
    (r) => {
      console.log(`server built into ${path.relative(process.cwd(), r.outDir) || '.'} in ${Date.now() - started} ms`);
      buildTemplate(r.outDir);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
