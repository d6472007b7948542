// Suites make their services and apps in beforeAll, but declare what they use at describe time. A late-bound
// stand-in lets a suite write `const { services } = useBotSuite(...)` once instead of `let services` plus an
// assignment in every file: each property read goes to the value made by then.

/** A stand-in for the object `get` returns once the suite's beforeAll has run; touching it earlier throws. */
export function lateBound<T extends object>(what: string, get: () => T | undefined): T {
  const real = (): T => {
    const value = get();
    if (value === undefined) throw new Error(`${what} is not ready: use it inside tests or hooks`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = real();
      const value: unknown = Reflect.get(target, key);
      // A method runs on the real object, as if called on it.
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    // Spreading ({ ...services, evidence }) and Object.keys see the real object's keys.
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
  });
}
