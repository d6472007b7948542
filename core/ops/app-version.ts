// The version an operator reads on the status screen and in the doctor: package.json's, and the migrations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let cached: string | undefined;
export function appVersion(): string {
  cached ??= (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  return cached;
}
