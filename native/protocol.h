// The numbers both halves of the binding read: event kinds, where each value sits in an event and
// in a sync call's snapshot, the kinds of wait, and the flow-control limits. This file is their one
// source: lib/core/protocol.ts is generated from it (scripts/gen-protocol.js, run by the build), the
// addon exports them (`native.protocol`), and test/unit/protocol.test.ts fails when the two differ.
// Each list is X(Name, value): the generator reads exactly that form.
#pragma once

#include <cstdint>

// Events of a socket (QAbstractSocket, QLocalSocket, and QSslSocket's own from Encrypted on): Qt's signals, plus
// Endpoint (the addresses changed after the last signal) and Destroyed (deleteLater ran).
#define QTN_SOCKET_EVENT(X)                 \
  X(StateChanged, 1)                        \
  X(HostFound, 2)                           \
  X(Connected, 3)                           \
  X(Disconnected, 4)                        \
  X(ErrorOccurred, 5)                       \
  X(ReadyRead, 6)                           \
  X(BytesWritten, 7)                        \
  X(AboutToClose, 8)                        \
  X(ReadChannelFinished, 9)                 \
  X(Destroyed, 10)                          \
  X(Endpoint, 11)                           \
  X(ProxyAuthenticationRequired, 12)        \
  X(Encrypted, 13)                          \
  X(ModeChanged, 14)                        \
  X(EncryptedBytesWritten, 15)              \
  X(SslErrors, 16)                          \
  X(PeerVerifyError, 17)                    \
  X(AlertSent, 18)                          \
  X(AlertReceived, 19)                      \
  X(HandshakeInterruptedOnError, 20)        \
  X(PreSharedKeyAuthenticationRequired, 21) \
  X(NewSessionTicketReceived, 22)           \
  X(DatagramWritten, 23)

// Events of a server (QTcpServer, QLocalServer): NewPending carries an accepted connection the
// moment Qt queues it (it has no signal of its own); IncomingConnection carries an accepted descriptor
// (I3) to a JS subclass that overrides incomingConnection, which then owns it.
// QSslServer's carry no server state (their Seq is the last event's): SslSocket carries the
// socket whose handshake begins (I3 its handle id; its own events follow it), and NewPending then
// names it by I3 alone; the others name it by I3, with the error (I0) or the QSslError (payload).
#define QTN_SERVER_EVENT(X)        \
  X(NewPending, 1)                 \
  X(PendingConnectionAvailable, 2) \
  X(NewConnection, 3)              \
  X(AcceptError, 4)                \
  X(Destroyed, 5)                  \
  X(IncomingConnection, 6)         \
  X(SslSocket, 7)                  \
  X(StartedEncryptionHandshake, 8) \
  X(SslErrorOccurred, 9)

// One event in the batch JS reads: Count numbers each; payloads travel apart. What I0..D1 hold
// belongs to the handle's class (SocketField, ServerField).
#define QTN_EVENT_SLOT(X) \
  X(Handle, 0)            \
  X(Kind, 1)              \
  X(Seq, 2)               \
  X(I0, 3)                \
  X(I1, 4)                \
  X(I2, 5)                \
  X(I3, 6)                \
  X(D0, 7)                \
  X(D1, 8)                \
  X(Count, 9)

// A socket event's I0 is its state with isValid() in ValidBit; I1 its open mode, I2 its error,
// I3 the signal's argument, D0 Qt's bytesToWrite, D1 the bytes Qt took from JS writes.
#define QTN_SOCKET_STATE_BITS(X) \
  X(StateMask, 15)               \
  X(ValidBit, 16)

// A socket's sync-call answer: an array of Length values, the call's result last.
#define QTN_SOCKET_SNAPSHOT(X) \
  X(Seq, 0)                    \
  X(State, 1)                  \
  X(OpenMode, 2)               \
  X(Error, 3)                  \
  X(ErrorString, 4)            \
  X(BytesToWrite, 5)           \
  X(Taken, 6)                  \
  X(LocalAddress, 7)           \
  X(LocalPort, 8)              \
  X(PeerAddress, 9)            \
  X(PeerPort, 10)              \
  X(PeerName, 11)              \
  X(Result, 12)                \
  X(Length, 13)

// A server's sync-call answer; a server event's I0..D1 hold Listening, Error, Port, the signal's
// argument, Backlog and MaxPending, and its payload [Address, ErrorString].
#define QTN_SERVER_SNAPSHOT(X) \
  X(Seq, 0)                    \
  X(Listening, 1)              \
  X(Error, 2)                  \
  X(Port, 3)                   \
  X(Backlog, 4)                \
  X(MaxPending, 5)             \
  X(Address, 6)                \
  X(ErrorString, 7)            \
  X(Result, 8)                 \
  X(Length, 9)

// A QLocalSocket's sync-call answer: SocketSnapshot's first seven (every stream socket's snapshot
// starts so), then its names and options; the result last. Its events carry the same strings.
#define QTN_LOCAL_SOCKET_SNAPSHOT(X) \
  X(Seq, 0)                          \
  X(State, 1)                        \
  X(OpenMode, 2)                     \
  X(Error, 3)                        \
  X(ErrorString, 4)                  \
  X(BytesToWrite, 5)                 \
  X(Taken, 6)                        \
  X(ServerName, 7)                   \
  X(FullServerName, 8)               \
  X(SocketOptions, 9)                \
  X(Result, 10)                      \
  X(Length, 11)

// A QLocalServer's sync-call answer; its events' I0..D1 hold Listening, Error, SocketOptions, the
// signal's argument, Backlog and MaxPending, and the payload [ServerName, FullServerName, ErrorString].
#define QTN_LOCAL_SERVER_SNAPSHOT(X) \
  X(Seq, 0)                          \
  X(Listening, 1)                    \
  X(Error, 2)                        \
  X(SocketOptions, 3)                \
  X(Backlog, 4)                      \
  X(MaxPending, 5)                   \
  X(ServerName, 6)                   \
  X(FullServerName, 7)               \
  X(ErrorString, 8)                  \
  X(Result, 9)                       \
  X(Length, 10)

// Events of a QTimer: Timeout (I0 isActive, I1 timerId after Qt's emission), SingleShot (the static
// singleShot's functor ran), Destroyed (deleteLater ran).
#define QTN_TIMER_EVENT(X) \
  X(Timeout, 1)            \
  X(SingleShot, 2)         \
  X(Destroyed, 3)
// A QTimer's sync-call answer: what JS mirrors, the call's result last.
#define QTN_TIMER_SNAPSHOT(X) \
  X(Seq, 0)                   \
  X(Active, 1)                \
  X(Interval, 2)              \
  X(SingleShot, 3)            \
  X(TimerType, 4)             \
  X(TimerId, 5)               \
  X(Result, 6)                \
  X(Length, 7)
// Events of the host-lookup handle (lib/QHostInfo.ts): Result (I0 the lookup id, the payload a
// QHostInfo), Destroyed.
#define QTN_HOST_LOOKUP_EVENT(X) \
  X(Result, 1)                   \
  X(Destroyed, 2)
// Events of a QNetworkReply: Qt's signals, and Destroyed (deleteLater ran, or Qt deleted it: its
// manager went, or autoDeleteReplies). I0 holds ReplyStateBits, I1 the open mode, I2 error(),
// I3 the signal's argument (an error code); D0 and D1 a progress signal's two numbers. ReadyRead's
// payload is the bytes; the others' the reply's metadata (lib/QNetworkReply.ts parseMeta).
// BodyRead: Qt read a body JS streams (native/readable_device.h), D0 the bytes read so far.
#define QTN_REPLY_EVENT(X)           \
  X(MetaDataChanged, 1)              \
  X(ReadyRead, 2)                    \
  X(DownloadProgress, 3)             \
  X(UploadProgress, 4)               \
  X(Redirected, 5)                   \
  X(ErrorOccurred, 6)                \
  X(ReadChannelFinished, 7)          \
  X(Finished, 8)                     \
  X(Destroyed, 9)                    \
  X(AuthenticationRequired, 10)      \
  X(ProxyAuthenticationRequired, 11) \
  X(QueryProxy, 12)                  \
  X(SocketStartedConnecting, 13)     \
  X(RequestSent, 14)                 \
  X(BodyRead, 15)                    \
  X(Encrypted, 16)                   \
  X(SslErrors, 17)                   \
  X(PreSharedKeyAuthenticationRequired, 18)
#define QTN_REPLY_STATE_BITS(X) \
  X(Finished, 1)                \
  X(Running, 2)
// A QNetworkReply's sync-call answer: these numbers, in QNetworkReply.snapshotSlots; the answer is its metadata.
#define QTN_REPLY_SNAPSHOT(X) \
  X(Seq, 0)                   \
  X(State, 1)                 \
  X(OpenMode, 2)              \
  X(Error, 3)                 \
  X(Operation, 4)             \
  X(Length, 5)
// Which of Qt's blocking waits a JS wait that ran out hands over to (waitNow).
#define QTN_SOCKET_WAIT(X) \
  X(Connected, 0)          \
  X(ReadyRead, 1)          \
  X(BytesWritten, 2)       \
  X(Disconnected, 3)       \
  X(Encrypted, 4)

// Flow control, in bytes. A stream's reader may hold DefaultReadLimit unread before the Qt side
// stops reading (then TCP backpressure reaches the peer); a socket's Qt side buffers up to
// QtReadChunk before it is moved to JS, a reply's up to QtReplyReadChunk (its HTTP thread, woken
// each time the reply's buffer empties, costs a round trip between threads per chunk).
// Unread datagrams count their size plus DatagramOverhead against DatagramCap.
#define QTN_LIMIT(X)            \
  X(DefaultReadLimit, 16777216) \
  X(QtReadChunk, 1048576)       \
  X(QtReplyReadChunk, 4194304)  \
  X(DatagramCap, 4194304)       \
  X(DatagramOverhead, 256)

namespace qtn::protocol {

// Each list as a struct of enumerators (protocol::SocketEvent::kConnected): the lists share names.
#define QTN_ENUMERATOR(name, value) k##name = value,
struct SocketEvent {
  enum Value : uint32_t { QTN_SOCKET_EVENT(QTN_ENUMERATOR) };
};
struct ServerEvent {
  enum Value : uint32_t { QTN_SERVER_EVENT(QTN_ENUMERATOR) };
};
struct EventSlot {
  enum Value : uint32_t { QTN_EVENT_SLOT(QTN_ENUMERATOR) };
};
struct SocketStateBits {
  enum Value : int32_t { QTN_SOCKET_STATE_BITS(QTN_ENUMERATOR) };
};
struct SocketSnapshot {
  enum Value : uint32_t { QTN_SOCKET_SNAPSHOT(QTN_ENUMERATOR) };
};
struct ServerSnapshot {
  enum Value : uint32_t { QTN_SERVER_SNAPSHOT(QTN_ENUMERATOR) };
};
struct LocalSocketSnapshot {
  enum Value : uint32_t { QTN_LOCAL_SOCKET_SNAPSHOT(QTN_ENUMERATOR) };
};
struct LocalServerSnapshot {
  enum Value : uint32_t { QTN_LOCAL_SERVER_SNAPSHOT(QTN_ENUMERATOR) };
};
struct SocketWait {
  enum Value : int32_t { QTN_SOCKET_WAIT(QTN_ENUMERATOR) };
};
struct TimerEvent {
  enum Value : uint32_t { QTN_TIMER_EVENT(QTN_ENUMERATOR) };
};
struct TimerSnapshot {
  enum Value : uint32_t { QTN_TIMER_SNAPSHOT(QTN_ENUMERATOR) };
};
struct HostLookupEvent {
  enum Value : uint32_t { QTN_HOST_LOOKUP_EVENT(QTN_ENUMERATOR) };
};
struct ReplyEvent {
  enum Value : uint32_t { QTN_REPLY_EVENT(QTN_ENUMERATOR) };
};
struct ReplyStateBits {
  enum Value : int32_t { QTN_REPLY_STATE_BITS(QTN_ENUMERATOR) };
};
struct ReplySnapshot {
  enum Value : uint32_t { QTN_REPLY_SNAPSHOT(QTN_ENUMERATOR) };
};
struct Limit {
  enum Value : int64_t { QTN_LIMIT(QTN_ENUMERATOR) };
};
#undef QTN_ENUMERATOR

}  // namespace qtn::protocol

// Every list above, for the addon's `protocol` export: X(Group, ListMacro).
#define QTN_PROTOCOL(X)                             \
  X(SocketEvent, QTN_SOCKET_EVENT)                  \
  X(ServerEvent, QTN_SERVER_EVENT)                  \
  X(EventSlot, QTN_EVENT_SLOT)                      \
  X(SocketStateBits, QTN_SOCKET_STATE_BITS)         \
  X(SocketSnapshot, QTN_SOCKET_SNAPSHOT)            \
  X(ServerSnapshot, QTN_SERVER_SNAPSHOT)            \
  X(LocalSocketSnapshot, QTN_LOCAL_SOCKET_SNAPSHOT) \
  X(LocalServerSnapshot, QTN_LOCAL_SERVER_SNAPSHOT) \
  X(SocketWait, QTN_SOCKET_WAIT)                    \
  X(TimerEvent, QTN_TIMER_EVENT)                    \
  X(TimerSnapshot, QTN_TIMER_SNAPSHOT)              \
  X(HostLookupEvent, QTN_HOST_LOOKUP_EVENT)         \
  X(ReplyEvent, QTN_REPLY_EVENT)                    \
  X(ReplyStateBits, QTN_REPLY_STATE_BITS)           \
  X(ReplySnapshot, QTN_REPLY_SNAPSHOT)              \
  X(Limit, QTN_LIMIT)
