// How V8 compiles the WebAssembly a database brings: PGlite (PostgreSQL compiled to WebAssembly) and Prisma's
// query compiler. V8 compiles each function with its quick baseline compiler (Liftoff) when first called, and again
// with its optimising compiler (TurboFan), on background threads, once the function has run a while (its "tiering
// budget", about 1.8 MB of code executed). Opening a database and the first queries run much of PostgreSQL once,
// so with the default budget a start re-compiles hundreds of functions that will hardly run again: 0.6 s of CPU
// and about 50 MB of optimised code kept for good. A budget 500 times larger leaves a start on the baseline code
// and still optimises what a busy bot or API keeps running. Measured (bench/FIXES.md, section 13): a warm start of
// the production command, CPU until healthy 2.2–2.3 → 1.6 s and idle RSS 303–314 → 254 MB; a sustained run of
// small queries 10–15 % more CPU in PGlite's side until its hot functions are optimised; the test suite's files
// 12 % less CPU. With DATABASE_URL only Prisma's compiler is WebAssembly (its plans are cached): 0.1–0.2 s of CPU
// and about 10 MB less.
import { setFlagsFromString } from 'node:v8';

/** V8's default is 1,800,000. */
export const WASM_TIERING_BUDGET = 1_000_000_000;

/**
 * Sets the budget before a module is compiled (it is read as a module is instantiated). Process-wide, as V8's
 * flags are; every process opens its database through openDatabase, which calls this first. An unknown flag (a
 * later V8 without it) is reported on stderr and ignored.
 */
export function tierWasmForSmallServer(): void {
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
}
