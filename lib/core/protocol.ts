// Generated from native/protocol.h by scripts/gen-protocol.js: edit that file, not this one.
// The numbers both halves of the binding read (see native/protocol.h for what each means).

export const enum SocketEvent {
  StateChanged = 1,
  HostFound = 2,
  Connected = 3,
  Disconnected = 4,
  ErrorOccurred = 5,
  ReadyRead = 6,
  BytesWritten = 7,
  AboutToClose = 8,
  ReadChannelFinished = 9,
  Destroyed = 10,
  Endpoint = 11,
  ProxyAuthenticationRequired = 12,
  Encrypted = 13,
  ModeChanged = 14,
  EncryptedBytesWritten = 15,
  SslErrors = 16,
  PeerVerifyError = 17,
  AlertSent = 18,
  AlertReceived = 19,
  HandshakeInterruptedOnError = 20,
  PreSharedKeyAuthenticationRequired = 21,
  NewSessionTicketReceived = 22,
  DatagramWritten = 23,
}

export const enum ServerEvent {
  NewPending = 1,
  PendingConnectionAvailable = 2,
  NewConnection = 3,
  AcceptError = 4,
  Destroyed = 5,
  IncomingConnection = 6,
  SslSocket = 7,
  StartedEncryptionHandshake = 8,
  SslErrorOccurred = 9,
}

export const enum EventSlot {
  Handle = 0,
  Kind = 1,
  Seq = 2,
  I0 = 3,
  I1 = 4,
  I2 = 5,
  I3 = 6,
  D0 = 7,
  D1 = 8,
  Count = 9,
}

export const enum SocketStateBits {
  StateMask = 15,
  ValidBit = 16,
}

export const enum SocketSnapshot {
  Seq = 0,
  State = 1,
  OpenMode = 2,
  Error = 3,
  ErrorString = 4,
  BytesToWrite = 5,
  Taken = 6,
  LocalAddress = 7,
  LocalPort = 8,
  PeerAddress = 9,
  PeerPort = 10,
  PeerName = 11,
  Result = 12,
  Length = 13,
}

export const enum ServerSnapshot {
  Seq = 0,
  Listening = 1,
  Error = 2,
  Port = 3,
  Backlog = 4,
  MaxPending = 5,
  Address = 6,
  ErrorString = 7,
  Result = 8,
  Length = 9,
}

export const enum LocalSocketSnapshot {
  Seq = 0,
  State = 1,
  OpenMode = 2,
  Error = 3,
  ErrorString = 4,
  BytesToWrite = 5,
  Taken = 6,
  ServerName = 7,
  FullServerName = 8,
  SocketOptions = 9,
  Result = 10,
  Length = 11,
}

export const enum LocalServerSnapshot {
  Seq = 0,
  Listening = 1,
  Error = 2,
  SocketOptions = 3,
  Backlog = 4,
  MaxPending = 5,
  ServerName = 6,
  FullServerName = 7,
  ErrorString = 8,
  Result = 9,
  Length = 10,
}

export const enum SocketWait {
  Connected = 0,
  ReadyRead = 1,
  BytesWritten = 2,
  Disconnected = 3,
  Encrypted = 4,
}

export const enum TimerEvent {
  Timeout = 1,
  SingleShot = 2,
  Destroyed = 3,
}

export const enum TimerSnapshot {
  Seq = 0,
  Active = 1,
  Interval = 2,
  SingleShot = 3,
  TimerType = 4,
  TimerId = 5,
  Result = 6,
  Length = 7,
}

export const enum HostLookupEvent {
  Result = 1,
  Destroyed = 2,
}

export const enum ReplyEvent {
  MetaDataChanged = 1,
  ReadyRead = 2,
  DownloadProgress = 3,
  UploadProgress = 4,
  Redirected = 5,
  ErrorOccurred = 6,
  ReadChannelFinished = 7,
  Finished = 8,
  Destroyed = 9,
  AuthenticationRequired = 10,
  ProxyAuthenticationRequired = 11,
  QueryProxy = 12,
  SocketStartedConnecting = 13,
  RequestSent = 14,
  BodyRead = 15,
  Encrypted = 16,
  SslErrors = 17,
  PreSharedKeyAuthenticationRequired = 18,
}

export const enum ReplyStateBits {
  Finished = 1,
  Running = 2,
}

export const enum ReplySnapshot {
  Seq = 0,
  State = 1,
  OpenMode = 2,
  Error = 3,
  Operation = 4,
  Length = 5,
}

export const enum Limit {
  DefaultReadLimit = 16777216,
  QtReadChunk = 1048576,
  QtReplyReadChunk = 4194304,
  DatagramCap = 4194304,
  DatagramOverhead = 256,
}

/** The same values as plain objects, for the test that compares them with the addon's. */
export const protocolValues = {
  SocketEvent: {
    StateChanged: 1,
    HostFound: 2,
    Connected: 3,
    Disconnected: 4,
    ErrorOccurred: 5,
    ReadyRead: 6,
    BytesWritten: 7,
    AboutToClose: 8,
    ReadChannelFinished: 9,
    Destroyed: 10,
    Endpoint: 11,
    ProxyAuthenticationRequired: 12,
    Encrypted: 13,
    ModeChanged: 14,
    EncryptedBytesWritten: 15,
    SslErrors: 16,
    PeerVerifyError: 17,
    AlertSent: 18,
    AlertReceived: 19,
    HandshakeInterruptedOnError: 20,
    PreSharedKeyAuthenticationRequired: 21,
    NewSessionTicketReceived: 22,
    DatagramWritten: 23
  },
  ServerEvent: {
    NewPending: 1,
    PendingConnectionAvailable: 2,
    NewConnection: 3,
    AcceptError: 4,
    Destroyed: 5,
    IncomingConnection: 6,
    SslSocket: 7,
    StartedEncryptionHandshake: 8,
    SslErrorOccurred: 9
  },
  EventSlot: {
    Handle: 0,
    Kind: 1,
    Seq: 2,
    I0: 3,
    I1: 4,
    I2: 5,
    I3: 6,
    D0: 7,
    D1: 8,
    Count: 9
  },
  SocketStateBits: {
    StateMask: 15,
    ValidBit: 16
  },
  SocketSnapshot: {
    Seq: 0,
    State: 1,
    OpenMode: 2,
    Error: 3,
    ErrorString: 4,
    BytesToWrite: 5,
    Taken: 6,
    LocalAddress: 7,
    LocalPort: 8,
    PeerAddress: 9,
    PeerPort: 10,
    PeerName: 11,
    Result: 12,
    Length: 13
  },
  ServerSnapshot: {
    Seq: 0,
    Listening: 1,
    Error: 2,
    Port: 3,
    Backlog: 4,
    MaxPending: 5,
    Address: 6,
    ErrorString: 7,
    Result: 8,
    Length: 9
  },
  LocalSocketSnapshot: {
    Seq: 0,
    State: 1,
    OpenMode: 2,
    Error: 3,
    ErrorString: 4,
    BytesToWrite: 5,
    Taken: 6,
    ServerName: 7,
    FullServerName: 8,
    SocketOptions: 9,
    Result: 10,
    Length: 11
  },
  LocalServerSnapshot: {
    Seq: 0,
    Listening: 1,
    Error: 2,
    SocketOptions: 3,
    Backlog: 4,
    MaxPending: 5,
    ServerName: 6,
    FullServerName: 7,
    ErrorString: 8,
    Result: 9,
    Length: 10
  },
  SocketWait: {
    Connected: 0,
    ReadyRead: 1,
    BytesWritten: 2,
    Disconnected: 3,
    Encrypted: 4
  },
  TimerEvent: {
    Timeout: 1,
    SingleShot: 2,
    Destroyed: 3
  },
  TimerSnapshot: {
    Seq: 0,
    Active: 1,
    Interval: 2,
    SingleShot: 3,
    TimerType: 4,
    TimerId: 5,
    Result: 6,
    Length: 7
  },
  HostLookupEvent: {
    Result: 1,
    Destroyed: 2
  },
  ReplyEvent: {
    MetaDataChanged: 1,
    ReadyRead: 2,
    DownloadProgress: 3,
    UploadProgress: 4,
    Redirected: 5,
    ErrorOccurred: 6,
    ReadChannelFinished: 7,
    Finished: 8,
    Destroyed: 9,
    AuthenticationRequired: 10,
    ProxyAuthenticationRequired: 11,
    QueryProxy: 12,
    SocketStartedConnecting: 13,
    RequestSent: 14,
    BodyRead: 15,
    Encrypted: 16,
    SslErrors: 17,
    PreSharedKeyAuthenticationRequired: 18
  },
  ReplyStateBits: {
    Finished: 1,
    Running: 2
  },
  ReplySnapshot: {
    Seq: 0,
    State: 1,
    OpenMode: 2,
    Error: 3,
    Operation: 4,
    Length: 5
  },
  Limit: {
    DefaultReadLimit: 16777216,
    QtReadChunk: 1048576,
    QtReplyReadChunk: 4194304,
    DatagramCap: 4194304,
    DatagramOverhead: 256
  }
} as const;
