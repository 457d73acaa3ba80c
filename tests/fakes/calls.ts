/**
 * Counting of service calls: every method call a script makes on a fake (`Range.getValues`,
 * `Sheet.getRange`, …) is one call, as each is one round trip in Apps Script.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Calls by name, sorted, for a readable failure message. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * The object a script sees: each method call on it is recorded as `label.method`. The fake's
 * own methods run on the bare object, so a fake calling itself is not counted.
 */
export function counted<T extends object>(target: T, label: string, log: CallLog): T {
  const known = proxies.get(target);
  if (known) return known as T;
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        log.record(`${label}.${prop}`);
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
        return result === obj ? proxy : result; // chaining (`range.setValues(v).setWrap(true)`) stays counted
      };
    },
  });
  proxies.set(target, proxy);
  return proxy;
}

const proxies = new WeakMap<object, object>();

/** Checks at compile time that a fake's methods exist on the real interface with its parameters. */
export type Subset<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : never;
};
