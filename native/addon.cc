#include "addon.h"

#include <QtGlobal>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "handle_wrap.h"
#include "protocol.h"
#include "runtime/live_count.h"
#include "runtime/runtime.h"

namespace qtn {

namespace {

// native/protocol.h's lists as { SocketEvent: { StateChanged: 1, ... }, ... }, which
// test/unit/protocol.test.ts compares with lib/core/protocol.ts.
Napi::Object ProtocolObject(Napi::Env env) {
  Napi::Object all = Napi::Object::New(env);
#define QTN_EXPORT_VALUE(name, value) group.Set(#name, Napi::Number::New(env, double(value)));
#define QTN_EXPORT_GROUP(name, list)              \
  {                                               \
    Napi::Object group = Napi::Object::New(env);  \
    list(QTN_EXPORT_VALUE) all.Set(#name, group); \
  }
  QTN_PROTOCOL(QTN_EXPORT_GROUP)
#undef QTN_EXPORT_GROUP
#undef QTN_EXPORT_VALUE
  return all;
}

}  // namespace

Module::Module(Napi::Env env, Napi::Object exports) : channel(MakeRuntime(env)) {
  // Runs on a natural exit and when a worker ends; process.exit() is covered by QtThread's atexit.
  env.AddCleanupHook([ch = channel] { ch->close(); });
  DefineAddon(exports, {
                           InstanceMethod("open", &Module::Open),
                           InstanceMethod("setRef", &Module::SetRef),
                           InstanceMethod("qtVersion", &Module::QtVersion),
                           InstanceMethod("shutdown", &Module::Shutdown),
                           InstanceMethod("drain", &Module::Drain),
                           InstanceMethod("endTask", &Module::EndTask),
                           InstanceMethod("liveHandles", &Module::LiveHandles),
                           InstanceMethod("liveObjects", &Module::LiveObjects),
                           InstanceMethod("trimHeap", &Module::TrimHeap),
                           InstanceMethod("runtime", &Module::RuntimeName),
                           InstanceMethod("reportUncaught", &Module::ReportUncaught),
                       });
  exports.Set("QHostAddress", InitHostAddress(env, *this));
  exports.Set("QNetworkProxy", InitNetworkProxy(env, *this));
  exports.Set("QNetworkProxyQuery", InitNetworkProxyQuery(env, *this));
  exports.Set("QAuthenticator", InitAuthenticator(env, *this));
  exports.Set("QNetworkProxyFactory", InitNetworkProxyFactory(env, *this));
  exports.Set("QNetworkDatagram", InitNetworkDatagram(env, *this));
  exports.Set("QNetworkInterface", InitNetworkInterface(env, *this));
  exports.Set("QNetworkAddressEntry", InitNetworkAddressEntry(env, *this));
  exports.Set("QUrl", InitUrl(env, *this));
  exports.Set("QNetworkRequest", InitNetworkRequest(env, *this));
  exports.Set("QNetworkCookie", InitNetworkCookie(env, *this));
  exports.Set("QHostInfo", InitHostInfo(env, *this));
  exports.Set("QHstsPolicy", InitHstsPolicy(env, *this));
  exports.Set("QHttp2Configuration", InitHttp2Configuration(env, *this));
  exports.Set("QNetworkCacheMetaData", InitNetworkCacheMetaData(env, *this));
  exports.Set("QHttpPart", InitHttpPart(env, *this));
  exports.Set("QSslError", InitSslError(env, *this));
  exports.Set("QSslCertificate", InitSslCertificate(env, *this));
  exports.Set("QSslCertificateExtension", InitSslCertificateExtension(env, *this));
  for (const auto& [name, init] : HandleClasses()) exports.Set(name, init(env, *this));
  exports.Set("protocol", ProtocolObject(env));
  exportsRef = Napi::Persistent(exports);
}

Napi::Value Module::Open(const Napi::CallbackInfo& info) {
  if (!info[0].IsFunction() || !info[1].IsFunction())
    throw Napi::TypeError::New(info.Env(), "open(dispatch, schedule): functions expected");
  channel->open(info.Env(), info[0].As<Napi::Function>(), info[1].As<Napi::Function>());
  return info.Env().Undefined();
}

Napi::Value Module::SetRef(const Napi::CallbackInfo& info) {
  channel->setRef(info[0].ToBoolean());
  return info.Env().Undefined();
}

Napi::Value Module::Drain(const Napi::CallbackInfo& info) {
  channel->deliver(info.Env());
  return info.Env().Undefined();
}

// Debug counter for leak tests: handles (sockets, servers) whose QObject this environment owns.
Napi::Value Module::LiveHandles(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), double(channel->liveHandles()));
}

// Debug counters for leak tests, process-wide (every environment): [Handles alive, their QObjects alive].
Napi::Value Module::LiveObjects(const Napi::CallbackInfo& info) {
  Napi::Array a = Napi::Array::New(info.Env(), 2);
  a.Set(0u, Napi::Number::New(info.Env(), double(LiveCount::handles.load())));
  a.Set(1u, Napi::Number::New(info.Env(), double(LiveCount::qobjects.load())));
  return a;
}

// For leak checks that read RSS: hand the free memory glibc keeps in its arenas back to the
// system, so that RSS follows what is allocated, not how fragmented the Qt thread's arena is.
Napi::Value Module::TrimHeap(const Napi::CallbackInfo& info) {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
  return info.Env().Undefined();
}

Napi::Value Module::EndTask(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), channel->endTask());
}

Napi::Value Module::Shutdown(const Napi::CallbackInfo& info) {
  channel->shutdown();
  return info.Env().Undefined();
}

Napi::Value Module::RuntimeName(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), channel->name());
}

// A throwing slot in the loop runtime: Node's uncaught-exception path now, inside Qt's emission
// (the process ends there unless a handler takes it), before Qt goes on to emit what follows.
Napi::Value Module::ReportUncaught(const Napi::CallbackInfo& info) {
  napi_fatal_exception(info.Env(), info[0]);
  return info.Env().Undefined();
}

Napi::Value Module::QtVersion(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), qVersion()); }

}  // namespace qtn

// A second load of the addon in the same environment (a test runner's fresh module registry, two
// copies of the package) gets the same exports: one channel, one set of classes per environment.
static Napi::Object InitModule(Napi::Env env, Napi::Object exports) {
  if (qtn::Module* m = env.GetInstanceData<qtn::Module>()) return m->exportsRef.Value();
  return Napi::Addon<qtn::Module>::Init(env, exports);
}

NODE_API_MODULE(qtnetwork, InitModule)
