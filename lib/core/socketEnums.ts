// QAbstractSocket's enums with PyQt6's names and values. They live apart from the class so that
// value classes (QHostAddress.protocol()) can use them without importing the socket.

export enum BindFlag {
  DefaultForPlatform = 0x0,
  ShareAddress = 0x1,
  DontShareAddress = 0x2,
  ReuseAddressHint = 0x4,
}

export enum NetworkLayerProtocol {
  IPv4Protocol = 0,
  IPv6Protocol = 1,
  AnyIPProtocol = 2,
  UnknownNetworkLayerProtocol = -1,
}

export enum PauseMode {
  PauseNever = 0x0,
  PauseOnSslErrors = 0x1,
}

export enum SocketError {
  ConnectionRefusedError = 0,
  RemoteHostClosedError = 1,
  HostNotFoundError = 2,
  SocketAccessError = 3,
  SocketResourceError = 4,
  SocketTimeoutError = 5,
  DatagramTooLargeError = 6,
  NetworkError = 7,
  AddressInUseError = 8,
  SocketAddressNotAvailableError = 9,
  UnsupportedSocketOperationError = 10,
  UnfinishedSocketOperationError = 11,
  ProxyAuthenticationRequiredError = 12,
  SslHandshakeFailedError = 13,
  ProxyConnectionRefusedError = 14,
  ProxyConnectionClosedError = 15,
  ProxyConnectionTimeoutError = 16,
  ProxyNotFoundError = 17,
  ProxyProtocolError = 18,
  OperationError = 19,
  SslInternalError = 20,
  SslInvalidUserDataError = 21,
  TemporaryError = 22,
  UnknownSocketError = -1,
}

export enum SocketOption {
  LowDelayOption = 0,
  KeepAliveOption = 1,
  MulticastTtlOption = 2,
  MulticastLoopbackOption = 3,
  TypeOfServiceOption = 4,
  SendBufferSizeSocketOption = 5,
  ReceiveBufferSizeSocketOption = 6,
  PathMtuSocketOption = 7,
}

export enum SocketState {
  UnconnectedState = 0,
  HostLookupState = 1,
  ConnectingState = 2,
  ConnectedState = 3,
  BoundState = 4,
  ListeningState = 5,
  ClosingState = 6,
}

export enum SocketType {
  TcpSocket = 0,
  UdpSocket = 1,
  SctpSocket = 2,
  UnknownSocketType = -1,
}
