// QHttp2Configuration: which window and frame sizes are accepted (the setters' bool) and equality
// are Qt's own; lib/QHttp2Configuration.ts checks arguments and names.
#include "http2_configuration.h"

#include <cstdint>

namespace qtn {

namespace {

class Http2ConfigurationWrap : public ValueWrap<Http2ConfigurationWrap, QHttp2Configuration> {
 public:
  static constexpr const char* kName = "QHttp2Configuration";
  static constexpr napi_type_tag kTag = {0x81c4e6a3f09b2d57ULL, 0x3fa9d0256e7c41b8ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = Http2ConfigurationWrap;
    using C = QHttp2Configuration;
    Napi::Function ctor =
        Define(env, {},
               {
                   Bind<&W::Get<&C::serverPushEnabled>>(env, "serverPushEnabled"),
                   Bind<&W::SetBool<&C::setServerPushEnabled>>(env, "setServerPushEnabled"),
                   Bind<&W::Get<&C::huffmanCompressionEnabled>>(env, "huffmanCompressionEnabled"),
                   Bind<&W::SetBool<&C::setHuffmanCompressionEnabled>>(env, "setHuffmanCompressionEnabled"),
                   Bind<&W::Get<&C::sessionReceiveWindowSize>>(env, "sessionReceiveWindowSize"),
                   Bind<&W::SetSize<&C::setSessionReceiveWindowSize>>(env, "setSessionReceiveWindowSize"),
                   Bind<&W::Get<&C::streamReceiveWindowSize>>(env, "streamReceiveWindowSize"),
                   Bind<&W::SetSize<&C::setStreamReceiveWindowSize>>(env, "setStreamReceiveWindowSize"),
                   Bind<&W::Get<&C::maxFrameSize>>(env, "maxFrameSize"),
                   Bind<&W::SetSize<&C::setMaxFrameSize>>(env, "setMaxFrameSize"),
                   Bind<&W::Swap>(env, "swap"),
                   Bind<&W::Equals>(env, "equals"),
               });
    m.http2ConfigurationCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QHttp2Configuration() · (other): a copy.
  explicit Http2ConfigurationWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1)
      value = Other(info, 0, kName);
    else if (info.Length() != 0)
      throw Napi::TypeError::New(info.Env(), "QHttp2Configuration: 0 or 1 arguments expected");
  }

 private:
  template <void (QHttp2Configuration::*S)(bool)>
  Napi::Value SetBool(const Napi::CallbackInfo& info) {
    (value.*S)(BoolArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  // Qt takes an unsigned; whether the size is one HTTP/2 allows is Qt's answer (false, and a
  // warning, when it is not).
  template <bool (QHttp2Configuration::*S)(unsigned)>
  Napi::Value SetSize(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), (value.*S)(unsigned(IntArg(info, 0, 0, UINT32_MAX, Method(info)))));
  }
};

}  // namespace

const QHttp2Configuration* UnwrapHttp2Configuration(Napi::Value v) { return Http2ConfigurationWrap::ValueOf(v); }

Napi::Object NewHttp2Configuration(Napi::Env env, const QHttp2Configuration& c) {
  return Http2ConfigurationWrap::New(Module::of(env).http2ConfigurationCtor, c);
}

Napi::Function InitHttp2Configuration(Napi::Env env, Module& m) { return Http2ConfigurationWrap::Init(env, m); }

}  // namespace qtn
