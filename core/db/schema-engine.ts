// Prisma's schema engine as WebAssembly: the native engine cannot be downloaded on our machines,
// and the wasm one takes the same driver adapter as the app, so PGlite and PostgreSQL migrate alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { withWholeScripts } from './sql-script.ts';

type Engine = Awaited<ReturnType<typeof Bindings.SchemaEngine.new>>;
export type MigrationList = Parameters<Engine['applyMigrations']>[0]['migrationsList'];

/** An engine for one job; close() frees it and, a little later, unloads its WebAssembly. */
export type SchemaEngine = Omit<Engine, 'free'> & { close(): void };
export type OpenSchemaEngine = typeof openSchemaEngine;

interface WasmMemory {
  grow(pages: number): number;
}
// @types/node does not declare the WebAssembly global; this is the one call we need.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
  }
).WebAssembly;

/** Calls that still arrive after unloading (callbacks of the freed engine's last requests) do nothing. */
const unloaded = new Proxy({}, { get: () => () => undefined });
/** Time for the freed engine's last callbacks (its driver's connection closing) before its instance is dropped. */
const UNLOAD_AFTER_MS = 30_000;
let loads = 0;

/**
 * Each engine gets bindings and a WebAssembly instance of its own, dropped after it is freed: a process migrates
 * at start-up (when anything is pending) and the compiled engine and its memory, about 25 MB, would otherwise stay
 * in it for good. The bindings keep their instance in a module-level variable, so sharing one module between
 * instances would hand a freed engine's late callbacks to the next engine's memory; a module instance per engine
 * (a distinct URL) keeps them apart. Node 20 cannot `import` a .wasm module without an experimental flag, so we
 * instantiate it ourselves and hand the instance to the bindings, as the package's own entry point would.
 */
async function loadBindings(): Promise<{ bg: typeof Bindings; unload: () => void }> {
  const jsPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  loads += 1;
  const bg = (await import(`${pathToFileURL(jsPath).href}?engine=${loads}`)) as typeof Bindings;
  const { instance } = await wasmRuntime.instantiate(readFileSync(jsPath.replace(/\.js$/, '.wasm')), { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports as never);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  const memory = instance.exports.memory as WasmMemory;
  return {
    bg,
    unload() {
      bg.__wbg_set_wasm(unloaded as never);
      // The bindings cache views of the memory; growing by nothing detaches them, so the memory can be collected.
      memory.grow(0);
    },
  };
}

export const noFilters = { externalTables: [] as string[], externalEnums: [] as string[] };

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: string,
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const { bg, unload } = await loadBindings();
  let engine: Engine;
  try {
    engine = await bg.SchemaEngine.new(
      { datamodels: [['schema.prisma', schema]] },
      onLog,
      // adapter-pg splits migration scripts at every ';', even in a function body: run them whole, as PGlite does (sql-script.ts)
      bindMigrationAwareSqlAdapterFactory(factory.adapterName === '@prisma/adapter-pg' ? withWholeScripts(factory) : factory),
    );
  } catch (e) {
    unload();
    throw e;
  }
  let closed = false;
  return Object.assign(engine, {
    close() {
      if (closed) return;
      closed = true;
      engine.free();
      setTimeout(unload, UNLOAD_AFTER_MS).unref();
    },
  });
}
