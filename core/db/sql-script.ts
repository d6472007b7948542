// Migration scripts reach PostgreSQL whole. @prisma/adapter-pg's executeScript splits a script at every
// ';', including the ones inside a function body, a string or a comment, so a migration that creates a
// PL/pgSQL function (the analytics rollups' triggers) fails on PostgreSQL while PGlite, which runs the
// script whole, applies it. A query without parameters goes through PostgreSQL's simple query protocol,
// which takes many statements at once and splits them with PostgreSQL's own parser: the same as PGlite's
// exec, one implicit transaction per script, so both databases apply a migration alike.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** Forwards everything to `target` (methods bound to it) except what `override` returns a value for. */
function wrap<T extends object>(target: T, override: (prop: string | symbol) => unknown): T {
  return new Proxy(target, {
    get(t, prop) {
      const replaced = override(prop);
      if (replaced !== undefined) return replaced;
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

const wholeScripts = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
  wrap(adapter, (prop) =>
    prop === 'executeScript'
      ? async (script: string) => {
          await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
        }
      : undefined,
  );

/** The same factory, whose adapters run a migration script whole, as PostgreSQL parses it. */
export function withWholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return wrap(factory, (prop) =>
    prop === 'connect' || prop === 'connectToShadowDb'
      ? async () => wholeScripts(await (factory[prop] as () => Promise<SqlDriverAdapter>).call(factory))
      : undefined,
  );
}
