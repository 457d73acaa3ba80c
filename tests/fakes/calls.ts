/**
 * Counting of service calls: every method call a script makes on a fake (`Range.getValues`,
 * `Sheet.getRange`, …) is one call, as each is one round trip in Apps Script. And, as Apps
 * Script does, a call the manifest's `oauthScopes` do not allow throws.
 */
import { readFileSync } from 'node:fs';
import generatedScopes from './scopes.json';

/** Method → the scopes of which a call needs one (`[]`: none), as `Class.method`. */
export type ScopeTable = Record<string, readonly string[]>;

export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** What appsscript.json grants, without the prefix (`spreadsheets.currentonly`). */
export const MANIFEST_SCOPES: readonly string[] = (
  JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as { oauthScopes: string[] }
).oauthScopes.map((s) => s.replace(SCOPE_PREFIX, ''));

/** The built-in services, from the `gas-types-detailed` package (`npx tsx scripts/scopes.ts`). */
export const BUILT_IN_SCOPES: ScopeTable = generatedScopes;

/**
 * Advanced services, which that package does not cover, written by hand from each method's
 * "Authorization scopes" in the Drive API v3 reference
 * (https://developers.google.com/drive/api/reference/rest/v3/files/create and its siblings),
 * under the label the Drive fake records (`Drive.Files.create`).
 */
export const ADVANCED_SERVICE_SCOPES: ScopeTable = {
  'Drive.Files.create': ['drive', 'drive.appdata', 'drive.file'],
  'Drive.Files.copy': ['drive', 'drive.appdata', 'drive.file', 'drive.photos.readonly'],
  'Drive.Files.get': ['drive', 'drive.appdata', 'drive.file', 'drive.meet.readonly', 'drive.metadata', 'drive.metadata.readonly', 'drive.photos.readonly', 'drive.readonly'],
  'Drive.Files.list': ['drive', 'drive.appdata', 'drive.file', 'drive.meet.readonly', 'drive.metadata', 'drive.metadata.readonly', 'drive.photos.readonly', 'drive.readonly'],
  'Drive.Files.update': ['drive', 'drive.appdata', 'drive.file', 'drive.metadata', 'drive.scripts'],
  'Drive.Files.remove': ['drive', 'drive.appdata', 'drive.file'],
  'Drive.Files.export': ['drive', 'drive.file', 'drive.meet.readonly', 'drive.metadata.readonly', 'drive.readonly'],
  'Drive.Files.download': ['drive', 'drive.file', 'drive.readonly'],
  'Drive.Files.generateIds': ['drive', 'drive.appdata', 'drive.file'],
  'Drive.About.get': ['drive', 'drive.appdata', 'drive.file', 'drive.metadata', 'drive.metadata.readonly', 'drive.photos.readonly', 'drive.readonly'],
  'Drive.Permissions.create': ['drive', 'drive.file'],
  'Drive.Permissions.update': ['drive', 'drive.file'],
  'Drive.Permissions.remove': ['drive', 'drive.file'],
  'Drive.Permissions.list': ['drive', 'drive.file', 'drive.meet.readonly', 'drive.metadata', 'drive.metadata.readonly', 'drive.photos.readonly', 'drive.readonly'],
};

/** The scopes a call needs one of, or undefined when no table knows the method. */
export function requiredScopes(call: string): readonly string[] | undefined {
  // A document element the fake labels by its kind (`Paragraph`) is an `Element` to the script
  // when a generic getter returned it, so `Element`'s methods (`asParagraph`) apply too.
  return ADVANCED_SERVICE_SCOPES[call] ?? BUILT_IN_SCOPES[call] ?? BUILT_IN_SCOPES[`Element${call.slice(call.lastIndexOf('.'))}`];
}

/** Why `granted` does not allow `call` (Apps Script's own words), or null when it does. */
export function scopeProblem(call: string, granted: readonly string[]): string | null {
  const needed = requiredScopes(call);
  if (needed === undefined) return `Fake: no scope table knows ${call}; add it to ADVANCED_SERVICE_SCOPES (tests/fakes/calls.ts) from the API reference.`;
  if (needed.length === 0 || needed.some((s) => granted.includes(s))) return null;
  return `Specified permissions are not sufficient to call ${call}. Required permissions: ${needed.map((s) => SCOPE_PREFIX + s).join(' || ')}`;
}

/**
 * Refused calls since the last check. A script may catch the error (and, say, fall back to a
 * default), so each test also fails afterwards if any call was refused (the hook below).
 */
const refused: string[] = [];

export function takeRefusedCalls(): string[] {
  return refused.splice(0);
}

// Jest only: after each test of any file using the fakes, fail if a call was refused, even if the
// script caught the error. (The fakes are also used outside jest, e.g. by the bench.)
declare const afterEach: ((fn: () => void) => void) | undefined;
if (typeof afterEach === 'function') {
  afterEach(() => {
    const calls = takeRefusedCalls();
    if (calls.length > 0) throw new Error(`Calls the manifest's oauthScopes do not allow:\n${[...new Set(calls)].join('\n')}`);
  });
}

export class CallLog {
  private readonly counts = new Map<string, number>();

  /** `granted`: the scopes the script was authorised with (the manifest's by default). */
  constructor(readonly granted: readonly string[] = MANIFEST_SCOPES) {}

  /** Records a call, or throws as Apps Script does when the granted scopes do not allow it. */
  record(name: string): void {
    const problem = scopeProblem(name, this.granted);
    if (problem) {
      refused.push(problem);
      throw new Error(problem);
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Every method called, once each (for the scope coverage check). */
  calls(): string[] {
    return [...this.counts.keys()].sort();
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
