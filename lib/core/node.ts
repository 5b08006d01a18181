// Node's conventions, beside PyQt6's API: the dispose symbols, and AbortSignal on the calls that
// return promises (waits, listen, bind), beside PyQt6's msecs. An abort rejects the promise with an AbortError (name 'AbortError', code
// 'ABORT_ERR', the signal's reason as its cause), as Node's own APIs do.
import { describe } from './args';

// Node 20 before 20.4 has no Symbol.dispose; Node's own classes then use these registered symbols.
export const disposeSymbol: typeof Symbol.dispose = (Symbol.dispose ??
  Symbol.for('nodejs.dispose')) as typeof Symbol.dispose;
export const asyncDisposeSymbol: typeof Symbol.asyncDispose = (Symbol.asyncDispose ??
  Symbol.for('nodejs.asyncDispose')) as typeof Symbol.asyncDispose;

/** The last, optional argument of every promise-returning call. */
export interface AbortOptions {
  signal?: AbortSignal;
}

export class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  constructor(method: string, cause?: unknown) {
    super(`${method}: the operation was aborted`, cause === undefined ? undefined : { cause });
    this.name = 'AbortError';
  }
}

/** The signal in `options`, checked; undefined when none was given. */
export function signalOf(method: string, options: unknown): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${method}: argument 'options' must be an object like { signal }, got ${describe(options)}`);
  }
  const signal = (options as AbortOptions).signal;
  if (signal === undefined) return undefined;
  if (!(signal instanceof AbortSignal))
    throw new TypeError(`${method}: argument 'options.signal' must be an AbortSignal, got ${describe(signal)}`);
  return signal;
}

/**
 * Runs `start(settle)` unless `signal` is already aborted. Abort before settlement rejects with an
 * AbortError and calls `abandon` (which forgets the wait: the object is left as it is, as when a
 * blocking wait is abandoned, with no timeout verdict applied).
 */
export function abortable<T>(
  method: string,
  signal: AbortSignal | undefined,
  start: (settle: (v: T) => void) => void,
  abandon: () => void,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(new AbortError(method, signal.reason));
  return new Promise<T>((resolve, reject) => {
    if (signal === undefined) {
      start(resolve);
      return;
    }
    const onAbort = (): void => {
      abandon();
      reject(new AbortError(method, signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    start((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    });
  });
}
