// `node dist/app/build-template.js [dir]`: builds the template a new embedded database starts from
// (core/db/template.ts) into dist/template, or into `dir`. app/build.mjs runs it at install time.
import path from 'node:path';
import { buildTemplate, TEMPLATE_DIR } from '../core/db/template.ts';

const started = performance.now();
const outDir = path.resolve(process.argv[2] ?? TEMPLATE_DIR);
const manifest = await buildTemplate({ outDir });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `database template built into ${path.relative(process.cwd(), outDir) || '.'} in ${seconds} s (${manifest.migrations.length} migrations, reference data for ${manifest.years.join(' and ')})`,
);
