// Ctrl+C and SIGTERM stop the process gracefully; a second signal, given on purpose, ends it at once.

/** A repeat sooner than this is the same request delivered twice, not a second request. */
const REPEAT_MS = 1000;

/**
 * Under `npm start` one Ctrl+C arrives twice: the terminal sends SIGINT to the whole foreground group (npm and
 * the app), and npm forwards its own copy to the app. Counting both would skip the graceful stop (and with it
 * PGlite's final flush and the release of the data directory's lock), so a repeat within a second is ignored.
 */
export function onShutdownSignals(stop: (signal: NodeJS.Signals) => Promise<unknown>, opts: { onTimeout?: () => void; timeoutMs?: number } = {}): void {
  let first: number | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (first !== undefined) {
        if (performance.now() - first >= REPEAT_MS) process.exit(130);
        return;
      }
      first = performance.now();
      // Whatever is stuck after 25 s is abandoned rather than holding the deployment.
      setTimeout(() => {
        opts.onTimeout?.();
        process.exit(1);
      }, opts.timeoutMs ?? 25_000).unref();
      void stop(signal).then(() => process.exit(0));
    });
  }
}
