// Captured at import time so that tests using vi.useFakeTimers() cannot freeze
// the fake server: long polls, latency and rate-limit windows must keep
// running on the real clock or the bot under test would hang forever.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
const realSetImmediate = globalThis.setImmediate.bind(globalThis);
const realDateNow = Date.now.bind(Date);

export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

export function now(): number {
  return realDateNow();
}

export function unixNow(): number {
  return Math.floor(realDateNow() / 1000);
}

export function later(fn: () => void, ms: number): TimerHandle {
  const handle = realSetTimeout(fn, ms);
  // A forgotten long poll must not keep the test process alive.
  handle.unref?.();
  return handle;
}

export function cancel(handle: TimerHandle | undefined): void {
  if (handle !== undefined) realClearTimeout(handle);
}

export function soon(fn: () => void): void {
  realSetImmediate(fn);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) soon(resolve);
    else realSetTimeout(resolve, ms);
  });
}
