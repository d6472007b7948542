// The bundle production runs, rebuilt when it is older than the sources, so a section never measures stale code
// (and `npm start`'s own rebuild never lands inside a measured start).
import { buildServer, buildTemplate, isStale } from '../../app/build.mjs';

export async function ensureBundle(log: (line: string) => void): Promise<void> {
  if (!isStale()) return;
  log('  building the app (its bundle is older than the sources)');
  await buildServer();
  buildTemplate();
}
