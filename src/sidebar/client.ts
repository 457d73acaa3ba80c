/** The pages' side of the server calls: `google.script.run`, typed by the one endpoint map. */
import type { Endpoints, EndpointName, Result } from './rpc';

/** The part of `google.script.run` the pages use (Apps Script injects it into a sidebar). */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [endpoint: string]: unknown;
}

function scriptRun(): ScriptRun | undefined {
  return (globalThis as { google?: { script?: { run?: ScriptRun } } }).google?.script?.run;
}

type Value<K extends EndpointName> = ReturnType<Endpoints[K]> extends Result<infer T> ? T : never;

/**
 * Calls an endpoint and resolves to its result; a failure of the call itself (no connection,
 * the script stopped) becomes an `{ ok: false }` result with a Vietnamese message too.
 */
export function call<K extends EndpointName>(name: K, ...args: Parameters<Endpoints[K]>): Promise<Result<Value<K>>> {
  return callFunction<Value<K>>(name, ...args);
}

/** Calls any top-level server function that answers a `Result` (the job dialog's, beside `Endpoints`). */
export function callFunction<T>(name: string, ...args: unknown[]): Promise<Result<T>> {
  return new Promise((resolve) => {
    const run = scriptRun();
    if (!run) {
      resolve({ ok: false, error: 'Không kết nối được với bảng tính: hãy mở thanh bên này từ menu «Thi đua» của Google Trang tính.' });
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as Result<T>))
      .withFailureHandler((error) =>
        resolve({
          ok: false,
          error: `Máy chủ không trả lời (${error instanceof Error ? error.message : String(error)}). Hãy thử lại sau ít phút.`,
        }),
      );
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
