// Shared test helpers: bounded waits on signals and conditions.
import { spawnSync } from 'node:child_process';
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

/**
 * An address of this network namespace that is not loopback (Qt's application proxy and QTcpServer
 * bypass proxies for loopback): added to `lo`, so it stays inside the namespace.
 */
export const NON_LOOPBACK = '10.77.0.1';

export function addNonLoopbackAddress(): void {
  if (process.env.QTNETWORK_IN_NETNS !== '1') throw new Error('proxy tests run inside scripts/in-netns');
  const r = spawnSync('ip', ['addr', 'add', `${NON_LOOPBACK}/32`, 'dev', 'lo'], { encoding: 'utf8' });
  if (r.status !== 0 && !/exists|already assigned/i.test(r.stderr)) throw new Error(`ip addr add ${NON_LOOPBACK}: ${r.stderr}`);
}

/**
 * Multicast on the test's own network namespace (scripts/in-netns): lo gets the MULTICAST flag
 * and a route for 224.0.0.0/4, so group traffic loops back on lo and nothing leaves the machine.
 */
export function enableLoopbackMulticast(): void {
  if (process.env.QTNETWORK_IN_NETNS !== '1') throw new Error('multicast tests run inside scripts/in-netns');
  const up = spawnSync('ip', ['link', 'set', 'lo', 'multicast', 'on'], { encoding: 'utf8' });
  if (up.status !== 0) throw new Error(`ip link set lo multicast on: ${up.stderr}`);
  const route = spawnSync('ip', ['route', 'replace', '224.0.0.0/4', 'dev', 'lo'], { encoding: 'utf8' });
  if (route.status !== 0) throw new Error(`ip route replace 224.0.0.0/4 dev lo: ${route.stderr}`);
}
