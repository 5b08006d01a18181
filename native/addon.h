// The addon's per-environment state. Member order is destruction order in reverse: the
// constructors (referenced by wrappers) go after the channel that owns the handles.
#pragma once

#include <napi.h>

#include <memory>

namespace qtn {

class EnvChannel;  // runtime/channel.h: value classes do not depend on the runtime

class Module : public Napi::Addon<Module> {
 public:
  Module(Napi::Env env, Napi::Object exports);

  std::shared_ptr<EnvChannel> channel;
  Napi::FunctionReference hostAddressCtor;
  Napi::FunctionReference networkProxyCtor;
  Napi::FunctionReference authenticatorCtor;
  Napi::FunctionReference networkDatagramCtor;
  Napi::FunctionReference networkInterfaceCtor;
  Napi::FunctionReference networkAddressEntryCtor;
  Napi::FunctionReference tcpSocketCtor;
  Napi::FunctionReference tcpServerCtor;
  Napi::ObjectReference exportsRef;

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
};

// Per-class registration, one per wrapper file.
Napi::Function InitHostAddress(Napi::Env env, Module& m);
Napi::Function InitNetworkProxy(Napi::Env env, Module& m);
Napi::Function InitNetworkProxyQuery(Napi::Env env, Module& m);
Napi::Function InitAuthenticator(Napi::Env env, Module& m);
Napi::Object InitNetworkProxyFactory(Napi::Env env, Module& m);
Napi::Function InitTcpSocket(Napi::Env env, Module& m);
Napi::Function InitTcpServer(Napi::Env env, Module& m);
Napi::Function InitNetworkDatagram(Napi::Env env, Module& m);
Napi::Function InitNetworkInterface(Napi::Env env, Module& m);
Napi::Function InitNetworkAddressEntry(Napi::Env env, Module& m);
Napi::Object InitUdpSocket(Napi::Env env, Module& m);

}  // namespace qtn
