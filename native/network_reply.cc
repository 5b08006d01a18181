// QNetworkReply: the reply Qt's manager makes, on the Qt side (ReplyCore), and its JS object;
// lib/QNetworkReply.ts mirrors it. Received bytes travel with the readyRead event that announces
// them (reads are synchronous in JS, as on sockets), as far as JS has room (flow control, as
// io_device.h's for sockets); the metadata (url, error string, attributes, headers) travels with
// every other signal that may change it, as Qt has it when it emits.
#include <QDateTime>
#include <QNetworkReply>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "http_multi_part.h"
#include "network_access_manager.h"
#include "network_proxy_factory.h"
#include "network_request.h"
#include "protocol.h"
#include "psk_ask.h"
#include "readable_device.h"
#include "ssl_configuration.h"
#include "ssl_errors_ask.h"
#include "value_wrap.h"

namespace qtn {

namespace {

using Ev = protocol::ReplyEvent;
using Snap = protocol::ReplySnapshot;

// The attributes a reply may carry (QNetworkRequest::Attribute's values below User).
constexpr int kAttributes[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 18, 19, 20, 21, 22, 23, 25, 26, 27};

// Fields packed into one string (UTF-8): each its length in UTF-16 units (JS's), ':', then its
// text; JS takes them apart (lib/QNetworkReply.ts unpack). One string crosses to JS faster than an
// array of ~50, and is built here without a string per field (it is built at every signal that
// may change the metadata, and compared with the last one sent).
class Packer {
 public:
  std::string out;
  int count = 0;  // fields added

  void add(std::string_view utf8, size_t units) {
    addLength(units);
    out += utf8;
    count++;
  }
  void add(const QString& s) {
    QByteArray utf8 = s.toUtf8();
    add(std::string_view(utf8.constData(), size_t(utf8.size())), size_t(s.size()));
  }
  // Bytes as Latin-1, so that JS gets them back exactly: one UTF-16 unit each. Runs of ASCII (all
  // of most headers) are appended whole.
  void addLatin1(QByteArrayView bytes) {
    addLength(size_t(bytes.size()));
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    while (p < end) {
      const char* run = std::find_if(p, end, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      out.append(p, run);
      if (run == end) break;
      auto u = static_cast<unsigned char>(*run);
      out += char(0xC0 | (u >> 6));
      out += char(0x80 | (u & 0x3F));
      p = run + 1;
    }
    count++;
  }
  void addAscii(std::string_view text) { add(text, text.size()); }
  void addNumber(long long n) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    addAscii(std::string_view(digits, size_t(end - digits)));
  }
  // A value's code and its type letter, two fields, in one append (it runs per value of every pack).
  void addCodeAndType(int code, char type) {
    char digits[16];
    char* digitsEnd = std::to_chars(digits, digits + sizeof digits, code).ptr;
    char fields[32];
    char* p = std::to_chars(fields, fields + 8, digitsEnd - digits).ptr;
    *p++ = ':';
    p = std::copy(digits, digitsEnd, p);
    *p++ = '1';
    *p++ = ':';
    *p++ = type;
    out.append(fields, p);
    count += 2;
  }
  // A section: its count of (code, type, text) triples, then them.
  void addSection(const Packer& items) {
    addNumber(items.count / 3);
    out += items.out;
    count += items.count;
  }

 private:
  // A field's length and ':' (no std::string made for the number: this runs per field).
  void addLength(size_t units) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, units).ptr;
    *end++ = ':';
    out.append(digits, end);
  }
};

// A QVariant as three fields (code, type, text), for the types a reply's attributes and known
// headers hold; others are left out.
void AddVariant(Packer& out, int code, const QVariant& v) {
  if (!v.isValid()) return;
  // Each value: its code, a letter for its type, then its text.
  auto head = [&](char type) { out.addCodeAndType(code, type); };
  switch (v.typeId()) {
    case QMetaType::Bool:
      head('t');
      out.addAscii(v.toBool() ? "1" : "0");
      return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
      break;
    case QMetaType::QByteArray:
      head('b');
      out.addLatin1(v.toByteArray());
      return;
    case QMetaType::QString:
      head('s');
      out.add(v.toString());
      return;
    case QMetaType::QUrl:
      head('u');
      out.add(v.toUrl().toString(QUrl::FullyEncoded));
      return;
    case QMetaType::QDateTime:
      head('d');
      out.addNumber(v.toDateTime().toMSecsSinceEpoch());
      return;
    default:
      if (!(v.metaType().flags() & QMetaType::IsEnumeration)) return;
  }
  head('i');
  out.addNumber(v.toLongLong());
}

// A URL's text as JS gets it. The last one made on this thread is kept too: programs ask for the
// same URL again and again (polling, keep-alive GETs), and QUrl::toString cost ~3.8K instructions
// per GET.
QString UrlText(const QUrl& url) {
  thread_local QUrl last;
  thread_local QString text;
  if (url != last || text.isEmpty()) {
    last = url;
    text = url.toString(QUrl::FullyEncoded);
  }
  return text;
}

class ReplyCore : public QtHandle<QNetworkReply> {
 public:
  using QtHandle::QtHandle;

  // The manager makes the reply (start), not `new` from JS.
  void create() override {}

  // While the manager waits inside authenticationRequired for this reply (or another), Qt's stack
  // holds the reply: its commands (an abort, a delete) wait with the manager's, in order.
  bool inEmission() const override {
    auto m = manager_.lock();
    return (m && m->inEmission()) || QtHandle::inEmission();
  }
  void defer(std::function<void()> fn, bool cancelsWait) override {
    if (auto m = manager_.lock(); m && m->inEmission())
      m->defer(std::move(fn), cancelsWait);
    else
      QtHandle::defer(std::move(fn), cancelsWait);
  }
  std::weak_ptr<NamCore> manager_;  // Qt thread: set when the manager made the reply

  void destroyOnQt(bool emitSignals) override {
    deleting_ = true;
    QtHandle::destroyOnQt(emitSignals);
  }

  int32_t packedState() const {
    QNetworkReply* r = object;
    if (!r) return 0;
    return (r->isFinished() ? protocol::ReplyStateBits::kFinished : 0) |
           (r->isRunning() ? protocol::ReplyStateBits::kRunning : 0);
  }

  // The metadata as Qt's values: taken at every signal that may change it, and packed for JS only
  // when it differs from what JS has (most finished signals find it as metaDataChanged left it).
  struct MetaValues {
    QUrl url;
    QString errorString;
    QVariant attributes[std::size(kAttributes)];
    QVariant headers[QNetworkRequest::IfNoneMatchHeader + 1];
    QList<QNetworkReply::RawHeaderPair> raw;

    // Equal values of the same type pack the same (Qt's QVariant == alone takes 1 for true). Two
    // invalid ones (most of a reply's attributes and headers) are equal without a call into Qt.
    static bool same(const QVariant& a, const QVariant& b) {
      return a.metaType() == b.metaType() && (!a.isValid() || a == b);
    }
    bool operator==(const MetaValues& o) const {
      if (url != o.url || errorString != o.errorString || raw != o.raw) return false;
      for (size_t k = 0; k < std::size(attributes); k++)
        if (!same(attributes[k], o.attributes[k])) return false;
      for (size_t h = 0; h < std::size(headers); h++)
        if (!same(headers[h], o.headers[h])) return false;
      return true;
    }
  };
  MetaValues metaValues() const {
    MetaValues v;
    QNetworkReply* r = object;
    if (!r) return v;
    v.url = r->url();
    v.errorString = r->errorString();
    for (size_t k = 0; k < std::size(kAttributes); k++)
      v.attributes[k] = r->attribute(QNetworkRequest::Attribute(kAttributes[k]));
    for (int h = QNetworkRequest::ContentTypeHeader; h <= QNetworkRequest::IfNoneMatchHeader; h++)
      v.headers[h] = r->header(QNetworkRequest::KnownHeaders(h));
    v.raw = r->rawHeaderPairs();
    return v;
  }

  // [url, errorString, attribute count, (code, type, text)..., header count, (code, type,
  // text)..., (raw name, raw value)...], packed into one string (Packer); empty once Qt's reply is gone.
  std::string pack(const MetaValues& v) {
    if (!object) return std::string();
    Packer out;
    out.out.reserve(512);  // a GET's metadata: 200-400 bytes, made without growing the string again and again
    // The url changes only with a redirect: its text is kept, not made again at every signal.
    if (v.url != url_ || urlText_.isEmpty()) {
      url_ = v.url;
      urlText_ = UrlText(v.url);
    }
    out.add(urlText_);
    out.add(v.errorString);
    Packer items;
    items.out.reserve(256);
    for (size_t k = 0; k < std::size(kAttributes); k++) AddVariant(items, kAttributes[k], v.attributes[k]);
    out.addSection(items);
    items = Packer();
    items.out.reserve(256);
    for (int h = 0; h < int(std::size(v.headers)); h++) AddVariant(items, h, v.headers[h]);
    out.addSection(items);
    for (const auto& [name, value] : v.raw) {
      out.addLatin1(name);
      out.addLatin1(value);
    }
    return std::move(out.out);
  }
  QUrl url_;  // Qt thread: the url pack() last packed, and its text
  QString urlText_;
  // The metadata JS has now: the last an event or a snapshot carried (Qt thread).
  MetaValues sentMeta_;

  Event make(uint32_t kind, int32_t arg = 0) {
    Event e;
    e.handle = id();
    e.kind = kind;
    e.seq = ++seq;
    QNetworkReply* r = object;
    e.i[0] = packedState();
    e.i[1] = r ? int(r->openMode()) : 0;
    e.i[2] = r ? int(r->error()) : 0;
    e.i[3] = arg;
    std::copy(e.i, e.i + 3, sentState_);
    return e;
  }
  void push(uint32_t kind, int32_t arg = 0) { channel()->push(make(kind, arg)); }

  // State-only events (QtHandle::sendOf): requestSent, socketStartedConnecting, readChannelFinished,
  // and the progress events with their numbers.
  int32_t sentState_[3] = {-1, -1, -1};  // Qt thread: the state the last event or snapshot carried
  Send sendOf(uint32_t kind) const {
    return QtHandle::sendOf(kind, [this] {
      QNetworkReply* r = object;
      return r && sentState_[0] == packedState() && sentState_[1] == int(r->openMode()) &&
             sentState_[2] == int(r->error());
    });
  }
  void pushState(uint32_t kind) {
    Send send = sendOf(kind);
    if (send != Send::kNot) channel()->push(make(kind), send == Send::kLazy);
  }
  // [arg, metadata]: arg is the signal's own (redirected's url). Metadata that has not changed
  // since JS last got it (most finished after metaDataChanged) does not cross again: no payload,
  // and JS keeps what it has.
  void pushMeta(uint32_t kind, int32_t arg = 0, const std::string& text = std::string()) {
    Event e = make(kind, arg);
    MetaValues now = metaValues();
    if (kind == Ev::kRedirected || !(now == sentMeta_)) {
      e.strings = {text, pack(now)};
      sentMeta_ = std::move(now);
    }
    channel()->push(std::move(e));
  }
  void pushProgress(uint32_t kind, qint64 done, qint64 total) {
    Send send = sendOf(kind);
    if (send == Send::kNot) return;
    Event e = make(kind);
    e.d[0] = double(done);
    e.d[1] = double(total);
    channel()->push(std::move(e), send == Send::kLazy);
  }

  // Flow control. JS may hold `limit` unread bytes; what it read comes back as acks (released).
  // The Qt reply's own read buffer size goes to its HTTP thread, which then stops reading the
  // socket while the reply holds that much: a reader that does not read applies TCP backpressure.
  // Qt's reply has one from the start (adopt), unlike PyQt6's: without one, Qt's HTTP thread runs
  // ahead of a reader that falls behind (a loaded machine), into new buffers of up to the socket's
  // whole backlog (reads of 8-60 MiB, joined here into one more), which JS then holds until V8
  // collects them: a 1 GiB download touched ~250 fresh pages per MiB (page faults, the most of its
  // CPU). With one, Qt hands over blocks of qtSize, read whole (no copy), and reads on as JS reads
  // them: ~85 per MiB. Given only mid-way (once JS's window was full, or past the first 4 MiB),
  // the size did not bound what Qt's HTTP thread handed over (reads of 13-60 MiB went on): it counts
  // only what it handed over after it got the size, and the reads of what it handed before, counted
  // back, seemingly lift its bound by that much.
  int64_t inFlight = 0;  // bytes handed to JS and not yet read there
  int64_t limit = 0;     // none until JS opens the window (setReadLimit), once its caller had a turn
  qint64 qtSize = protocol::Limit::kQtReplyReadChunk;  // the Qt reply's readBufferSize
  // Bytes at the front of Qt's reply that Qt announced with readyRead. Those it never announced
  // (the cache backend's, read at finished) reach JS without a readyRead, as in PyQt6.
  qint64 announced = 0;

  // What Qt holds moves to JS now, as far as JS has room (all: the reply is ending, and Qt has
  // handed over all it had, whatever its read buffer size). Each event is announced or not, whole.
  void forward(bool all) {
    QNetworkReply* r = object;
    while (r && r->isReadable()) {
      qint64 avail = r->bytesAvailable();
      qint64 room = all ? avail : std::min<qint64>(avail, limit - inFlight);
      // Only what Qt announced, until the end: reading bytes Qt has not yet announced takes them
      // from under it (its cache loader, finding none left, then never finishes).
      if (announced > 0)
        room = std::min(room, announced);
      else if (!all)
        break;
      if (room <= 0) break;
      bool wasAnnounced = announced > 0;
      QByteArray bytes = r->read(room);
      if (bytes.isEmpty()) break;
      announced = std::max<qint64>(0, announced - bytes.size());
      inFlight += bytes.size();
      Event e = make(Ev::kReadyRead, wasAnnounced ? 1 : 0);
      e.bytes = std::move(bytes);
      channel()->push(std::move(e));
    }
  }
  // JS read `n` of what it held: room for more (and Qt's reading frees its own buffer, so its HTTP
  // thread reads on).
  void released(int64_t n) {
    inFlight = std::max<int64_t>(0, inFlight - n);
    forward(false);
  }
  // setReadBufferSize(size): 0 is PyQt6's unlimited, bounded here by the default window.
  void setReadLimit(int64_t size) {
    limit = size > 0 ? size : protocol::Limit::kDefaultReadLimit;
    qtSize =
        size > 0 ? std::min<int64_t>(size, protocol::Limit::kQtReplyReadChunk) : protocol::Limit::kQtReplyReadChunk;
    // Only a change: each call sends Qt's HTTP thread a signal.
    if (QNetworkReply* r = object; r && r->readBufferSize() != qtSize) r->setReadBufferSize(qtSize);
  }

  // A body JS streams (Start): JS appends to it; what Qt has read of it so far goes back with each
  // read (BodyRead). Pushed from the read itself: Qt may read inside a command (buffering a body
  // without a Content-Length, it reads as JS appends), where a before-poll hook of the thread
  // runtime would wait for Qt's next wake-up, and JS, paused, sends none.
  QPointer<ReadableDevice> body;
  ReadableDevice* makeBody() {
    body = new ReadableDevice([weak = weak_from_this()](qint64 total) {
      auto self = std::static_pointer_cast<ReplyCore>(weak.lock());
      if (!self) return;
      Event e = self->make(Ev::kBodyRead);
      e.d[0] = double(total);
      self->channel()->push(std::move(e));
    });
    return body;
  }

  // Qt side: take the reply the manager just made and forward its signals.
  void adopt(QNetworkReply* r) {
    object = r;
    r->setProperty(kReplyIdProperty, id());
    // Before the request starts (Qt starts it from its event loop): its HTTP thread gets the size
    // with the request.
    r->setReadBufferSize(qtSize);
    QObject::connect(r, &QNetworkReply::metaDataChanged, r, [this, r] {
      // Again once the response (or a redirect's) has begun: Qt 6.4 passes the size to the HTTP
      // thread by a signal that a request with a body connects only after it has started (a
      // signal to that thread for each: not for the requests without one).
      if (QNetworkAccessManager::Operation op = r->operation(); op == QNetworkAccessManager::PostOperation ||
                                                                op == QNetworkAccessManager::PutOperation ||
                                                                op == QNetworkAccessManager::CustomOperation)
        r->setReadBufferSize(qtSize);
      pushMeta(Ev::kMetaDataChanged);
    });
    QObject::connect(r, &QIODevice::readyRead, r, [this, r] {
      announced = r->bytesAvailable();
      forward(false);
    });
    QObject::connect(r, &QNetworkReply::downloadProgress, r,
                     [this](qint64 done, qint64 total) { pushProgress(Ev::kDownloadProgress, done, total); });
    QObject::connect(r, &QNetworkReply::uploadProgress, r,
                     [this](qint64 done, qint64 total) { pushProgress(Ev::kUploadProgress, done, total); });
    QObject::connect(r, &QNetworkReply::socketStartedConnecting, r,
                     [this] { pushState(Ev::kSocketStartedConnecting); });
    QObject::connect(r, &QNetworkReply::requestSent, r, [this] { pushState(Ev::kRequestSent); });
    // The manager's encrypted(reply) and sslErrors(reply, errors) come from these (lib/): Qt's
    // manager connected to the reply before we did, so its slots run first, as in Qt.
    QObject::connect(r, &QNetworkReply::encrypted, r, [this] { push(Ev::kEncrypted); });
    // Answered in the slot (ssl_errors_ask.h): Qt's reply reads what was ignored once the emission
    // returns and hands it to its HTTP thread, which waits meanwhile. The manager's wait, as for
    // authenticationRequired: its commands (a deleteLater, which would delete this reply inside
    // its emission) and the reply's are held back until the emission is over; the reply's JS
    // object gets the question and answers through the manager.
    QObject::connect(r, &QNetworkReply::sslErrors, r, [this, r](const QList<QSslError>& errors) {
      std::shared_ptr<NamCore> m = manager_.lock();
      if (!m) return;
      if (auto answer = AskToIgnoreSslErrors(*m, nullptr, make(Ev::kSslErrors), errors)) answer->applyTo(r);
    });
    // The same wait: the slots set the identity and key Qt reads when the emission returns.
    QObject::connect(r, &QNetworkReply::preSharedKeyAuthenticationRequired, r,
                     [this](QSslPreSharedKeyAuthenticator* a) {
                       if (std::shared_ptr<NamCore> m = manager_.lock())
                         AskForPreSharedKey(*m, nullptr, make(Ev::kPreSharedKeyAuthenticationRequired), a);
                     });
    QObject::connect(r, &QNetworkReply::redirected, r, [this](const QUrl& url) {
      pushMeta(Ev::kRedirected, 0, url.toString(QUrl::FullyEncoded).toStdString());
    });
    QObject::connect(r, &QNetworkReply::errorOccurred, r, [this](QNetworkReply::NetworkError code) {
      forward(true);
      pushMeta(Ev::kErrorOccurred, int32_t(code));
    });
    QObject::connect(r, &QIODevice::readChannelFinished, r, [this] {
      forward(true);
      pushState(Ev::kReadChannelFinished);
    });
    QObject::connect(r, &QNetworkReply::finished, r, [this] {
      forward(true);
      pushMeta(Ev::kFinished);
    });
    // Qt deleted it (its manager went, or autoDeleteReplies): JS learns the object is gone.
    QObject::connect(r, &QObject::destroyed, r, [this] {
      if (!deleting_) push(Ev::kDestroyed);
    });
  }

  // JS applies every snapshot of a reply (its seq is never older than an event JS has).
  struct Snapshot {
    double seq = 0;
    int32_t state = 0, openMode = 0, error = 0, operation = 0;
    std::string meta;
    void take(ReplyCore& c) {
      seq = c.seq;
      state = c.packedState();
      c.sentMeta_ = c.metaValues();
      meta = c.pack(c.sentMeta_);
      if (QNetworkReply* r = c.object) {
        openMode = int(r->openMode());
        error = int(r->error());
        operation = int(r->operation());
      }
      c.sentState_[0] = state;
      c.sentState_[1] = openMode;
      c.sentState_[2] = error;
    }
    // The numbers go into the slots JS reads as soon as the call returns (QNetworkReply.snapshotSlots,
    // a Float64Array made once), the metadata is the answer: no array made and filled per call
    // (~10K instructions per GET). A reply's calls have no result of their own (null).
    Napi::Value toJs(Napi::Env env, Napi::Value) const {
      Napi::Float64Array slots = Module::of(env).replySnapshotSlots.Value();
      if (slots.ElementLength() >= Snap::kLength) {
        double* d = slots.Data();
        d[Snap::kSeq] = seq;
        d[Snap::kState] = state;
        d[Snap::kOpenMode] = openMode;
        d[Snap::kError] = error;
        d[Snap::kOperation] = operation;
      }
      return Napi::String::New(env, meta);
    }
  };

 protected:
  void pushDestroyed() override { push(Ev::kDestroyed); }

 private:
  bool deleting_ = false;  // destroyOnQt is deleting it: its Destroyed goes from there
};

using Info = const Napi::CallbackInfo&;
using Core = const std::shared_ptr<ReplyCore>&;

// start(manager, operation, request | url string, verb, body | null, decided?): the manager's get/head/post/put/
// deleteResource/sendCustomRequest, whose reply this core takes; body as RequestBodyArg reads it
// (http_multi_part.h; true: JS streams it, bodyWrite and bodyEnd); `decided`: the JS factory's
// list for the request's URL, which Qt asks for inside the call (the thread runtime,
// lib/QNetworkAccessManager.ts). A manager already deleted makes none (the snapshot says so: no
// metadata).
Napi::Value Start(Info info, Core core) {
  const char* method = "QNetworkAccessManager.request";
  auto nam = NamCoreArg(info[0], method);
  auto op = QNetworkAccessManager::Operation(
      IntArg(info, 1, QNetworkAccessManager::HeadOperation, QNetworkAccessManager::CustomOperation, method));
  // A request made from a URL string and not touched since comes as that string (parsed as its
  // native constructor parses it): no native request made per GET only to be copied here.
  QNetworkRequest request;
  if (info[2].IsString()) {
    request = QNetworkRequest(QUrl(ToQString(info[2]), QUrl::TolerantMode));
  } else {
    const QNetworkRequest* req = UnwrapNetworkRequest(info[2]);
    if (!req) throw ArgTypeError(info.Env(), 2, method, "a native QNetworkRequest or a URL string");
    request = *req;
  }
  QByteArray verb = info[3].IsNull() ? QByteArray() : BytesArg(info, 3, method);
  RequestBody body = RequestBodyArg(info, 4, method);
  auto decided = DecidedProxies(info[5], method);
  // Qt 6.4 reads a sequential device whole before it sends anything, unless the request has a
  // Content-Length and DoNotBufferUploadDataAttribute: with the length, a streamed body streams
  // (unless the program set the attribute itself).
  if (body.kind == RequestBody::kStream && request.header(QNetworkRequest::ContentLengthHeader).isValid() &&
      !request.attribute(QNetworkRequest::DoNotBufferUploadDataAttribute).isValid())
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
  ReplyCore::Snapshot snap;
  core->channel()->call(
      info.Env(),
      [&] {
        QNetworkAccessManager* m = nam->object;
        if (m && !core->object) {
          ArmDecision arm(decided);
          QNetworkReply* r = nullptr;
          if (op == QNetworkAccessManager::HeadOperation)
            r = m->head(request);
          else if (op == QNetworkAccessManager::GetOperation)
            r = m->get(request);
          else if (op == QNetworkAccessManager::DeleteOperation)
            r = m->deleteResource(request);
          else {
            if (body.kind == RequestBody::kStream) body.streamDevice = core->makeBody();
            r = SendWithBody(m, op, request, verb, body);
          }
          core->manager_ = nam;
          core->adopt(r);
        }
        snap.take(*core);
      },
      core);
  return snap.toJs(info.Env(), info.Env().Null());
}

Napi::Value Abort(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QNetworkReply* r) {
    r->abort();
    return QVariant();
  });
}

Napi::Value Close(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QNetworkReply* r) {
    r->close();
    return QVariant();
  });
}

// JS emitted redirectAllowed (UserVerifiedRedirectPolicy): Qt's reply takes it queued, so the
// redirect is followed whenever it comes, in the redirected slot or later.
Napi::Value RedirectAllowed(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QNetworkReply* r) {
    Q_EMIT r->redirectAllowed();
    return QVariant();
  });
}

// Qt's reply->request(): the request as the manager sent it (with the settings it added).
Napi::Value Request(Info info, Core core) {
  QNetworkRequest request;
  core->channel()->call(
      info.Env(),
      [&] {
        if (QNetworkReply* r = core->object) request = r->request();
      },
      core);
  return NewNetworkRequest(info.Env(), request);
}

// ack(n): JS read n bytes. After the read call, as for sockets (Runtime::post's readOnly).
Napi::Value Ack(Info info, Core core) {
  int64_t n = IntArg(info, 0, 0, int64_t(1) << 53, "QNetworkReply.read");
  core->channel()->post([core = std::shared_ptr<ReplyCore>(core), n] { core->released(n); }, core, true);
  return info.Env().Undefined();
}

// bodyWrite(bytes): the next chunk of a body JS streams; bodyEnd(): its end.
Napi::Value BodyWrite(Info info, Core core) {
  QByteArray bytes = BytesArg(info, 0, "QNetworkReply.bodyWrite");
  core->channel()->post(
      [core = std::shared_ptr<ReplyCore>(core), bytes = std::move(bytes)] {
        if (core->body) core->body->append(bytes);
      },
      core);
  return info.Env().Undefined();
}

Napi::Value BodyEnd(Info info, Core core) {
  core->channel()->post(
      [core = std::shared_ptr<ReplyCore>(core)] {
        if (core->body) core->body->finish();
      },
      core);
  return info.Env().Undefined();
}

void OpenReadWindow(Core core, int64_t n) {
  core->channel()->post([core = std::shared_ptr<ReplyCore>(core), n] { core->setReadLimit(n); }, core);
  // What the new room lets in comes after the call, as an ack's does.
  core->channel()->post([core = std::shared_ptr<ReplyCore>(core)] { core->released(0); }, core, true);
}

Napi::Value SetReadLimit(Info info, Core core) {
  OpenReadWindow(core, IntArg(info, 0, 0, int64_t(1) << 53, "QNetworkReply.setReadBufferSize"));
  return info.Env().Undefined();
}

Napi::Value Watch(Info info, Core core) { return WatchKinds(info, *core, "QNetworkReply.watch"); }

// begin(kinds, window): the code that made the reply has had its turn (lib/QNetworkReply.ts): watch(kinds),
// and unless it called setReadBufferSize (window false), the default read window.
Napi::Value Begin(Info info, Core core) {
  Watch(info, core);
  if (info[1].ToBoolean()) OpenReadWindow(core, 0);
  return info.Env().Undefined();
}

// ignoreSslErrors() / ignoreSslErrors(errors) outside an sslErrors slot: Qt's reply keeps it for
// the handshake to come.
Napi::Value IgnoreSslErrors(Info info, Core core) {
  IgnoreAnswer ignore = IgnoreArg(info, "QNetworkReply.ignoreSslErrors");
  core->channel()->post(
      [core = std::shared_ptr<ReplyCore>(core), ignore] {
        if (QNetworkReply* r = core->object) ignore.applyTo(r);
      },
      core);
  return info.Env().Undefined();
}

// Read-only, and not bound to the handle (no `target`): an sslErrors slot may ask for it while Qt
// waits inside that emission (the thread runtime would otherwise hold it back until the end).
Napi::Value SslConfigurationOf(Info info, Core core) {
  QSslConfiguration configuration;
  core->channel()->call(info.Env(), [&] {
    if (QNetworkReply* r = core->object) configuration = r->sslConfiguration();
  });
  return NewSslConfiguration(info.Env(), configuration);
}

Napi::Value SetSslConfiguration(Info info, Core core) {
  const QSslConfiguration* c = UnwrapSslConfiguration(info[0]);
  if (!c) throw ArgTypeError(info.Env(), 0, "QNetworkReply.setSslConfiguration", "a native QSslConfiguration");
  QSslConfiguration configuration = *c;
  core->channel()->post(
      [core = std::shared_ptr<ReplyCore>(core), configuration] {
        if (QNetworkReply* r = core->object) r->setSslConfiguration(configuration);
      },
      core);
  return info.Env().Undefined();
}

Napi::Value Snapshot(Info info, Core core) {
  return SyncCall(info.Env(), core, [](QNetworkReply*) { return QVariant(); });
}

class QNetworkReplyWrap : public HandleWrap<QNetworkReplyWrap, ReplyCore> {
 public:
  static constexpr const char* kName = "QNetworkReply";
  static constexpr napi_type_tag kTag = {0x8a3e5c17d94b4e02ULL, 0x13f7b2c96e0d4a58ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<ReplyCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<ReplyCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<ReplyCore>> methods = {
        {"start", Start},
        {"abort", Abort},
        {"close", Close},
        {"request", Request},
        {"snapshot", Snapshot},
        {"ack", Ack},
        {"setReadLimit", SetReadLimit},
        {"watch", Watch},
        {"begin", Begin},
        {"redirectAllowed", RedirectAllowed},
        {"bodyWrite", BodyWrite},
        {"bodyEnd", BodyEnd},
        {"ignoreSslErrors", IgnoreSslErrors},
        {"sslConfiguration", SslConfigurationOf},
        {"setSslConfiguration", SetSslConfiguration},
    };
    Methods all;
    AddCoreMethods(all, methods);
    Napi::Function ctor = DefineHandleClass(env, m, all);
    Napi::Float64Array slots = Napi::Float64Array::New(env, Snap::kLength);
    m.replySnapshotSlots = Napi::Persistent(slots);
    ctor.Set("snapshotSlots", slots);
    return ctor;
  }
};

const bool registered = RegisterHandleClass(QNetworkReplyWrap::kName, &QNetworkReplyWrap::Init);

}  // namespace

}  // namespace qtn
