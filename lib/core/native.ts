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

/** A native value object (QHostAddress, QNetworkProxy, ...) as handles take them. */
type NativeValueObject = object;

/** What a JS proxy factory decided for a connection (lib/QNetworkProxyFactory.ts decideProxies). */
export type DecidedProxies = unknown[] | undefined;

/** A sync call's answer of a socket, laid out as native/protocol.h's SocketSnapshot. */
export type SocketSnapshot = [
  seq: number,
  state: number,
  openMode: number,
  error: number,
  errorString: string,
  bytesToWrite: number,
  taken: number,
  localAddress: string,
  localPort: string,
  peerAddress: string,
  peerPort: string,
  peerName: string,
  result: boolean | number | null,
];

/** A sync call's answer of a server, laid out as native/protocol.h's ServerSnapshot. */
export type ServerSnapshot = [
  seq: number,
  listening: number,
  error: number,
  port: number,
  backlog: number,
  maxPending: number,
  address: string,
  errorString: string,
  result: boolean | number | null,
];

/** Every handle's JS object (HandleWrap). */
export interface NativeHandle {
  /** Events for this handle carry this number. */
  readonly id: number;
  deleteLater(): void;
}

/** A stream's (io_device.h StreamWrap). */
export interface NativeStream extends NativeHandle {
  write(data: Buffer): void;
  /** JS read `n` bytes of what the Qt side sent: room for more. */
  ack(n: number): void;
  setReadLimit(size: number): void;
  watchBytesWritten(watched: boolean): void;
}

/**
 * A stream socket's sync-call answer: SocketSnapshot's first positions (Seq .. Taken, the same in
 * every stream socket's snapshot), the class's strings from SocketSnapshot.LocalAddress on, the
 * result last.
 */
export type StreamSnapshot = readonly [number, number, number, number, string, number, number, ...unknown[]];

/** What every stream socket's has (QAbstractSocket's, QLocalSocket's). */
export interface NativeStreamSocket extends NativeStream {
  abort(): StreamSnapshot;
  close(): StreamSnapshot;
  flush(): StreamSnapshot;
  /** Qt's own zero-timeout wait of kind `wait` (protocol SocketWait). */
  waitNow(wait: number): StreamSnapshot;
}

/** QAbstractSocket's (native/abstract_socket.cc). */
export interface NativeAbstractSocket extends NativeStreamSocket {
  connectToHost(host: string, port: number, mode: number, protocol: number, decided: DecidedProxies): SocketSnapshot;
  connectToAddress(address: NativeValueObject, port: number, mode: number, decided: DecidedProxies): SocketSnapshot;
  disconnectFromHost(): SocketSnapshot;
  close(): SocketSnapshot;
  abort(): SocketSnapshot;
  flush(): SocketSnapshot;
  /** Qt's own zero-timeout wait of kind `wait` (protocol SocketWait). */
  waitNow(wait: number): SocketSnapshot;
  bind(address: NativeValueObject, port: number, mode: number, decided: DecidedProxies): SocketSnapshot;
  setSocketOption(option: number, value: number): void;
  socketOption(option: number): SocketSnapshot;
  setSocketDescriptor(fd: number, state: number, mode: number): SocketSnapshot;
  socketDescriptor(): SocketSnapshot;
  setPauseMode(mode: number): void;
  resume(): void;
  snapshot(): SocketSnapshot;
  setProxy(proxy: NativeValueObject): void;
  setProtocolTag(tag: string): void;
  /** The authenticator the proxyAuthenticationRequired slots filled, for the wait numbered `serial`. */
  answerProxyAuth(serial: number, authenticator: NativeValueObject): void;
}

/** QUdpSocket's (native/udp_socket.cc). A bare number: sent from the JS thread, nothing changed in Qt. */
export interface NativeUdpSocket extends NativeAbstractSocket {
  writeDatagramTo(data: Buffer, address: NativeValueObject, port: number): number | SocketSnapshot;
  writeDatagram(datagram: NativeValueObject): number | SocketSnapshot;
  joinMulticastGroup(group: NativeValueObject, iface?: NativeValueObject): SocketSnapshot;
  leaveMulticastGroup(group: NativeValueObject, iface?: NativeValueObject): SocketSnapshot;
  multicastInterface(): [SocketSnapshot, NativeValueObject];
  setMulticastInterface(iface: NativeValueObject): SocketSnapshot;
  /** readDatagram with nothing held in JS: Qt's own read reports it (TemporaryError). */
  readNothing(): SocketSnapshot;
  droppedDatagrams(): number;
}

/** QTcpServer's (native/tcp_server.cc). */
export interface NativeTcpServer extends NativeHandle {
  listen(address: NativeValueObject, port: number, decided: DecidedProxies): ServerSnapshot;
  close(): ServerSnapshot;
  /** JS took the oldest pending connection. */
  take(): void;
  pauseAccepting(): void;
  resumeAccepting(): void;
  setMaxPendingConnections(n: number): ServerSnapshot;
  setListenBacklogSize(n: number): ServerSnapshot;
  setSocketDescriptor(fd: number): ServerSnapshot;
  socketDescriptor(): ServerSnapshot;
  snapshot(): ServerSnapshot;
  /** Qt's zero-timeout waitForNewConnection: the result is ok + 2 * timedOut. */
  waitNow(): ServerSnapshot;
  setProxy(proxy: NativeValueObject): void;
}

export interface NativeHandles {
  QTcpSocket: new () => NativeAbstractSocket;
  QUdpSocket: (new () => NativeUdpSocket) & {
    /** Debug counter: datagrams this process sent from the JS thread. */
    directSends(): number;
  };
  QTcpServer: new () => NativeTcpServer;
  /** native/protocol.h's lists, for the test that compares them with lib/core/protocol.ts. */
  protocol: Record<string, Record<string, number>>;
}

export interface NativeModule extends NativeRuntime, NativeValues, NativeHandles {
  // TEMPORARY until the value classes are declared (NativeValues).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [valueClass: string]: any;
}
