// QHostInfo: the value class (on the JS thread: Qt's QHostInfo is a reentrant value), and the
// host-lookup handle whose QObject receives the results of Qt's own lookupHost where the sockets
// live, so that lookup ids, Qt's cache and abortHostLookup are Qt's. fromName, which blocks in
// PyQt6, runs Qt's fromName on libuv's thread pool and answers a promise.
#include <QHostInfo>
#include <QObject>

#include "handle_wrap.h"
#include "host_address.h"
#include "protocol.h"
#include "value_wrap.h"

namespace qtn {

namespace {

class HostInfoWrap : public ValueWrap<HostInfoWrap, QHostInfo> {
 public:
  static constexpr const char* kName = "QHostInfo";
  static constexpr napi_type_tag kTag = {0x71c4a9e25d3b4f08ULL, 0x8e2f6b1d07a5c394ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        Define(env,
               {
                   StaticMethod<&HostInfoWrap::AbortHostLookup>("abortHostLookup"),
                   StaticMethod<&HostInfoWrap::LocalHostName>("localHostName"),
                   StaticMethod<&HostInfoWrap::LocalDomainName>("localDomainName"),
                   StaticMethod<&HostInfoWrap::FromName>("fromName"),
               },
               {
                   Bind<&HostInfoWrap::Get<&QHostInfo::hostName>>(env, "hostName"),
                   Bind<&HostInfoWrap::SetString<&QHostInfo::setHostName>>(env, "setHostName"),
                   Bind<&HostInfoWrap::Addresses>(env, "addresses"),
                   Bind<&HostInfoWrap::SetAddresses>(env, "setAddresses"),
                   Bind<&HostInfoWrap::Get<&QHostInfo::error>>(env, "error"),
                   Bind<&HostInfoWrap::SetInt<&QHostInfo::setError, 0, 2>>(env, "setError"),
                   Bind<&HostInfoWrap::Get<&QHostInfo::errorString>>(env, "errorString"),
                   Bind<&HostInfoWrap::SetString<&QHostInfo::setErrorString>>(env, "setErrorString"),
                   Bind<&HostInfoWrap::Get<&QHostInfo::lookupId>>(env, "lookupId"),
                   Bind<&HostInfoWrap::SetInt<&QHostInfo::setLookupId, INT32_MIN, INT32_MAX>>(env, "setLookupId"),
                   Bind<&HostInfoWrap::Swap>(env, "swap"),
               });
    m.hostInfoCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QHostInfo(id) has lookup id `id`; new QHostInfo(other) copies other.
  explicit HostInfoWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 0 || info[0].IsUndefined()) return;
    if (info[0].IsNumber())
      value = QHostInfo(int(IntArg(info, 0, INT32_MIN, INT32_MAX, kName)));
    else
      value = Other(info, 0, kName);
  }

 private:
  Napi::Value Addresses(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.addresses(), NewHostAddress);
  }

  Napi::Value SetAddresses(const Napi::CallbackInfo& info) {
    const char* method = Method(info);
    value.setAddresses(ArrayArg(info, 0, method, UnwrapHostAddress, "an array of native QHostAddress"));
    return info.Env().Undefined();
  }

  // Thread-safe in Qt (its lookup manager locks): called from the JS thread in both runtimes.
  static Napi::Value AbortHostLookup(const Napi::CallbackInfo& info) {
    QHostInfo::abortHostLookup(int(IntArg(info, 0, INT32_MIN, INT32_MAX, "QHostInfo.abortHostLookup")));
    return info.Env().Undefined();
  }

  static Napi::Value LocalHostName(const Napi::CallbackInfo& info) {
    return FromQString(info.Env(), QHostInfo::localHostName());
  }

  static Napi::Value LocalDomainName(const Napi::CallbackInfo& info) {
    return FromQString(info.Env(), QHostInfo::localDomainName());
  }

  // Qt's blocking fromName on a thread of libuv's pool; the promise resolves on the JS thread.
  // The pending work keeps the process alive, as a pending dns.lookup does.
  class FromNameWork : public Napi::AsyncWorker {
   public:
    FromNameWork(Napi::Env env, QString name)
        : Napi::AsyncWorker(env, "QHostInfo.fromName"), name_(std::move(name)), deferred_(env) {}
    Napi::Promise promise() { return deferred_.Promise(); }
    void Execute() override { result_ = QHostInfo::fromName(name_); }
    void OnOK() override { deferred_.Resolve(NewHostInfo(Env(), result_)); }
    void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

   private:
    QString name_;
    QHostInfo result_;
    Napi::Promise::Deferred deferred_;
  };

  static Napi::Value FromName(const Napi::CallbackInfo& info) {
    auto* work = new FromNameWork(info.Env(), StringArg(info, 0, "QHostInfo.fromName"));
    Napi::Promise p = work->promise();
    work->Queue();
    return p;
  }

 public:
  static Napi::Object NewHostInfo(Napi::Env env, const QHostInfo& h) { return New(Module::of(env).hostInfoCtor, h); }
};

// The receiver of an environment's lookups (lib/QHostInfo.ts makes one, when first needed).
class HostLookupCore : public QtHandle<QObject> {
 public:
  using QtHandle::QtHandle;

  void create() override { object = new Counted<QObject>(); }

  // Qt side: Qt's lookupHost, its result pushed as a Result event carrying a QHostInfo.
  int lookup(const QString& name) {
    if (!object) return -1;
    return QHostInfo::lookupHost(name, object.data(), [this](const QHostInfo& info) {
      Event e;
      e.handle = id();
      e.kind = protocol::HostLookupEvent::kResult;
      e.seq = ++seq;
      e.i[0] = info.lookupId();
      e.makePayload = [info](napi_env env) -> napi_value {
        Module* m = nullptr;
        if (napi_get_instance_data(env, reinterpret_cast<void**>(&m)) != napi_ok || !m) return nullptr;
        return HostInfoWrap::NewOrNull(env, m->hostInfoCtor, info);
      };
      channel()->push(std::move(e));
    });
  }

 protected:
  void pushDestroyed() override {
    Event e;
    e.handle = id();
    e.kind = protocol::HostLookupEvent::kDestroyed;
    e.seq = ++seq;
    channel()->push(std::move(e));
  }
};

Napi::Value LookupHost(const Napi::CallbackInfo& info, const std::shared_ptr<HostLookupCore>& core) {
  QString name = StringArg(info, 0, "QHostInfo.lookupHost");
  int id = -1;
  core->channel()->call(
      info.Env(), [&] { id = core->lookup(name); }, core);
  return Napi::Number::New(info.Env(), id);
}

class QHostLookupWrap : public HandleWrap<QHostLookupWrap, HostLookupCore> {
 public:
  static constexpr const char* kName = "QHostLookup";
  static constexpr napi_type_tag kTag = {0x0c9e3f5a81d74b62ULL, 0x4d7a2e90b6c1f835ULL};

  using HandleWrap::HandleWrap;

  static std::shared_ptr<HostLookupCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<HostLookupCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) {
    static const std::vector<CoreMethod<HostLookupCore>> methods = {{"lookupHost", LookupHost}};
    Methods all;
    AddCoreMethods(all, methods);
    return DefineHandleClass(env, m, all);
  }
};

const bool registered = RegisterHandleClass(QHostLookupWrap::kName, &QHostLookupWrap::Init);

}  // namespace

Napi::Function InitHostInfo(Napi::Env env, Module& m) { return HostInfoWrap::Init(env, m); }

}  // namespace qtn
