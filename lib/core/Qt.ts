// The part of PyQt6's `Qt` namespace (QtCore) the network classes use: Qt.TimerType.

export enum TimerType {
  PreciseTimer = 0,
  CoarseTimer = 1,
  VeryCoarseTimer = 2,
}

/** PyQt6's `Qt` namespace: `Qt.TimerType.PreciseTimer`. */
export const Qt = { TimerType } as const;

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Qt {
  type TimerType = import('./Qt').TimerType;
}
