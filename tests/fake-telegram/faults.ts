// Faults on demand: the next N matching Bot API calls answer an error (500, 502, 429 with retry_after …)
// or are never answered at all (Telegram timing out), so a test can break a flow at a chosen step
// instead of at random (`failureRate`).
import type { FaultSpec, InjectedFault } from './types.js';

interface Armed extends InjectedFault {
  spec: FaultSpec;
  left: number;
  hitCount: number;
}

export class FaultPlan {
  private armed: Armed[] = [];

  add(spec: FaultSpec): InjectedFault {
    const entry: Armed = {
      spec,
      left: spec.times ?? 1,
      hitCount: 0,
      get hits() {
        return this.hitCount;
      },
      get spent() {
        return this.left === 0;
      },
    };
    this.armed.push(entry);
    return entry;
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault this call meets, if any; each call uses up one of its `times`. */
  take(method: string, payload: Record<string, unknown>): FaultSpec | undefined {
    // getUpdates waits on purpose; breaking it says nothing about a flow.
    if (method === 'getUpdates') return undefined;
    for (const a of this.armed) {
      if (a.left === 0) continue;
      const m = a.spec.method;
      const matches = m === undefined || (typeof m === 'string' ? m === method : m(method, payload));
      if (!matches) continue;
      a.left -= 1;
      a.hitCount += 1;
      return a.spec;
    }
    return undefined;
  }
}
