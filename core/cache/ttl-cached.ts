// One value loaded on demand and kept for a while: for data read on every request and changed rarely.
// A failed load is not cached, so the next caller tries again.
export function ttlCached<T>(load: () => Promise<T>, ttlMs: number) {
  let cached: { at: number; value: Promise<T> } | undefined;
  return {
    get(): Promise<T> {
      if (!cached || Date.now() - cached.at > ttlMs) {
        const value = load();
        cached = { at: Date.now(), value };
        value.catch(() => (cached = undefined));
      }
      return cached.value;
    },
    invalidate(): void {
      cached = undefined;
    },
  };
}
