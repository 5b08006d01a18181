// Shared test helpers: bounded waits on signals and conditions.
import type { Signal } from '../lib/core/signal';

/** Resolves with the signal's arguments the next time it is emitted; rejects after `ms`. */
export function nextEmit<A extends unknown[]>(signal: Signal<A>, ms = 10000): Promise<A> {
  return new Promise<A>((resolve, reject) => {
    const slot = (...args: A): void => {
      clearTimeout(timer);
      signal.disconnect(slot);
      resolve(args);
    };
    const timer = setTimeout(() => {
      signal.disconnect(slot);
      reject(new Error(`timed out after ${ms} ms waiting for ${signal.name}`));
    }, ms);
    signal.connect(slot);
  });
}

/** Polls `cond` every few ms until it holds; rejects after `ms`. */
export async function until(cond: () => boolean, ms = 10000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
