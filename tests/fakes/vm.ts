/**
 * The built `dist/Code.js` in a bare `node:vm` context with the fakes as its only globals: the
 * closest thing to Apps Script that runs offline. No `process`, `require`, `window` or timers.
 */
import vm from 'node:vm';
import type { GoogleOptions } from './index';
import { fakeGoogle } from './index';

export type ScriptGlobals = Record<string, unknown>;

export function runBundle(code: string, options: Omit<GoogleOptions, 'DateCtor'> = {}) {
  const context: ScriptGlobals = vm.createContext({});
  const google = fakeGoogle({ ...options, DateCtor: vm.runInContext('Date', context) as DateConstructor });
  google.install(context);
  vm.runInContext(code, context, { filename: 'Code.js' });
  /** Calls a top-level function of the script, as a menu, trigger or cell would. */
  const call = (name: string, ...args: unknown[]): unknown => {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`Code.js không có hàm cấp cao nhất «${name}»`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  return { context, google, call };
}
