// The addon's typed declaration: every class, method, event record and snapshot the native side
// (native/) exports, so that tsc checks each call into it. `lib/core/runtime.ts` loads the addon
// as a `NativeModule`. Method names are the native wrappers' own (native/*.cc, DefineClass).

// ---- the runtime (native/addon.cc) ----

/** The batch dispatcher JS gives the runtime: `n` events of `kEventSlots` numbers each in `buf`
 * (undefined: the previous buffer is reused), their payloads apart (null when none has one). */
export type NativeDispatch = (n: number, buf: ArrayBuffer | undefined, payloads: unknown[] | null) => void;

export interface NativeRuntime {
  open(dispatch: NativeDispatch, schedule: () => void): void;
  setRef(ref: boolean): void;
  qtVersion(): string;
  shutdown(): void;
  drain(): void;
  endTask(): boolean;
  liveHandles(): number;
  liveObjects(): [number, number];
  trimHeap(): void;
}

// ---- value classes (native/value_wrap.h and one file per class) ----
// VALUES: filled in by the value-class work (see NativeValues below).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in below
export interface NativeValues {}

// ---- handles: sockets and servers (native/handle_wrap.h and one file per class) ----
// HANDLES: filled in by the handle-layer work (see NativeHandles below).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in below
export interface NativeHandles {}

export interface NativeModule extends NativeRuntime, NativeValues, NativeHandles {}
