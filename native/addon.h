// The addon's per-environment state. Member order is destruction order in reverse: the
// constructors (referenced by wrappers) go after the runtime that owns the handles.
#pragma once

#include <napi.h>

#include <memory>
#include <unordered_map>

#include "runtime/js_array.h"

namespace qtn {

class Runtime;  // runtime/runtime.h: value classes do not depend on the runtime
class Handle;   // the same

class Module : public Napi::Addon<Module> {
 public:
  Module(Napi::Env env, Napi::Object exports);

  std::shared_ptr<Runtime> channel;  // the environment's runtime (runtime/runtime.h MakeRuntime)
  Napi::FunctionReference hostAddressCtor;
  Napi::FunctionReference networkProxyCtor;
  Napi::FunctionReference networkProxyQueryCtor;
  Napi::FunctionReference authenticatorCtor;
  Napi::FunctionReference networkDatagramCtor;
  Napi::FunctionReference networkInterfaceCtor;
  Napi::FunctionReference networkAddressEntryCtor;
  Napi::FunctionReference urlCtor;
  Napi::FunctionReference networkRequestCtor;
  Napi::FunctionReference networkCookieCtor;
  Napi::FunctionReference hostInfoCtor;
  Napi::FunctionReference hstsPolicyCtor;
  Napi::FunctionReference http2ConfigurationCtor;
  Napi::FunctionReference networkCacheMetaDataCtor;
  Napi::FunctionReference sslConfigurationCtor;
  Napi::FunctionReference sslCipherCtor;
  Napi::FunctionReference sslEllipticCurveCtor;
  Napi::FunctionReference sslDiffieHellmanParametersCtor;
  Napi::FunctionReference sslPreSharedKeyAuthenticatorCtor;
  Napi::FunctionReference ocspResponseCtor;
  Napi::FunctionReference sslErrorCtor;
  Napi::FunctionReference sslCertificateCtor;
  Napi::FunctionReference sslCertificateExtensionCtor;
  Napi::FunctionReference sslKeyCtor;
  // The handle classes' constructors (native/handle_wrap.h), by their type tag.
  std::unordered_map<const napi_type_tag*, Napi::FunctionReference> handleCtors;
  // The core HandleWrap::Wrap hands to the constructor it calls, and that constructor's class.
  // (Not a thread_local: one with a destructor keeps the addon loaded after its last environment.)
  struct Adopting {
    const napi_type_tag* tag = nullptr;
    std::shared_ptr<Handle> handle;
  } adopting;
  Napi::ObjectReference exportsRef;
  // The numbers of a reply's snapshot (native/network_reply.cc), read by JS at once.
  Napi::Reference<Napi::Float64Array> replySnapshotSlots;
  // Arrays made in one call (a socket's snapshot).
  JsArrays arrays;

  static Module& of(Napi::Env env) { return *env.GetInstanceData<Module>(); }

 private:
  Napi::Value Open(const Napi::CallbackInfo& info);
  Napi::Value SetRef(const Napi::CallbackInfo& info);
  Napi::Value QtVersion(const Napi::CallbackInfo& info);
  Napi::Value Shutdown(const Napi::CallbackInfo& info);
  Napi::Value Drain(const Napi::CallbackInfo& info);
  Napi::Value EndTask(const Napi::CallbackInfo& info);
  Napi::Value LiveHandles(const Napi::CallbackInfo& info);
  Napi::Value LiveObjects(const Napi::CallbackInfo& info);
  Napi::Value TrimHeap(const Napi::CallbackInfo& info);
  Napi::Value RuntimeName(const Napi::CallbackInfo& info);
  Napi::Value ReportUncaught(const Napi::CallbackInfo& info);
};

// Per-class registration, one per wrapper file.
Napi::Function InitHostAddress(Napi::Env env, Module& m);
Napi::Function InitNetworkProxy(Napi::Env env, Module& m);
Napi::Function InitNetworkProxyQuery(Napi::Env env, Module& m);
Napi::Function InitAuthenticator(Napi::Env env, Module& m);
Napi::Object InitNetworkProxyFactory(Napi::Env env, Module& m);
Napi::Function InitNetworkDatagram(Napi::Env env, Module& m);
Napi::Function InitNetworkInterface(Napi::Env env, Module& m);
Napi::Function InitNetworkAddressEntry(Napi::Env env, Module& m);
Napi::Function InitUrl(Napi::Env env, Module& m);
Napi::Function InitNetworkRequest(Napi::Env env, Module& m);
Napi::Function InitNetworkCookie(Napi::Env env, Module& m);
Napi::Function InitHostInfo(Napi::Env env, Module& m);
Napi::Function InitHstsPolicy(Napi::Env env, Module& m);
Napi::Function InitHttp2Configuration(Napi::Env env, Module& m);
Napi::Function InitSslConfiguration(Napi::Env env, Module& m);
Napi::Function InitNetworkCacheMetaData(Napi::Env env, Module& m);
Napi::Function InitHttpPart(Napi::Env env, Module& m);
Napi::Function InitSslCipher(Napi::Env env, Module& m);
Napi::Function InitSslEllipticCurve(Napi::Env env, Module& m);
Napi::Function InitSslDiffieHellmanParameters(Napi::Env env, Module& m);
Napi::Function InitSslPreSharedKeyAuthenticator(Napi::Env env, Module& m);
Napi::Function InitOcspResponse(Napi::Env env, Module& m);
Napi::Object InitPasswordDigestor(Napi::Env env, Module& m);
Napi::Function InitSslError(Napi::Env env, Module& m);
Napi::Function InitSslCertificate(Napi::Env env, Module& m);
Napi::Function InitSslCertificateExtension(Napi::Env env, Module& m);
Napi::Function InitSslKey(Napi::Env env, Module& m);

}  // namespace qtn
