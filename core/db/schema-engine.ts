// Prisma's schema engine as WebAssembly: the native engine cannot be downloaded on our machines,
// and the wasm one takes the same driver adapter as the app, so PGlite and PostgreSQL migrate alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { withWholeScripts } from './sql-script.ts';

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;
export type MigrationList = Parameters<Engine['applyMigrations']>[0]['migrationsList'];

// @types/node does not declare the WebAssembly global; this is the one call we need.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
  }
).WebAssembly;

/** The wasm instance is stateless between engines, so one load per process is shared. */
let loaded: Promise<void> | undefined;

/**
 * Node 20 cannot `import` a .wasm module without an experimental flag, so we instantiate it
 * ourselves and hand the instance to the bindings, as the package's own entry point would.
 */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await wasmRuntime.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports as never);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return loaded;
}

export const noFilters = { externalTables: [] as string[], externalEnums: [] as string[] };

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: string,
  onLog: (line: string) => void = () => {},
): Promise<Engine> {
  await loadWasm();
  return bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    onLog,
    // adapter-pg splits migration scripts at every ';', even in a function body: run them whole, as PGlite does (sql-script.ts)
    bindMigrationAwareSqlAdapterFactory(factory.adapterName === '@prisma/adapter-pg' ? withWholeScripts(factory) : factory),
  );
}
