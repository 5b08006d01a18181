// QSslSocket's enums with PyQt6's names and values. They live apart from the socket so that the
// value classes (QSslConfiguration.peerVerifyMode()) can use them without importing it.

export enum PeerVerifyMode {
  VerifyNone = 0,
  QueryPeer = 1,
  VerifyPeer = 2,
  AutoVerifyPeer = 3,
}

export enum SslMode {
  UnencryptedMode = 0,
  SslClientMode = 1,
  SslServerMode = 2,
}
