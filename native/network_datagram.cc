#include "network_datagram.h"

#include "host_address.h"

namespace qtn {

namespace {

class NetworkDatagramWrap : public ValueWrap<NetworkDatagramWrap, QNetworkDatagram> {
 public:
  static constexpr const char* kName = "QNetworkDatagram";
  static constexpr napi_type_tag kTag = {0x6be04d19a2f7431cULL, 0x83c5a0e9d17b2f46ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(
        env, {},
        {
            Bind<&NetworkDatagramWrap::Clear>(env, "clear"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::data>>(env, "data"),
            Bind<&NetworkDatagramWrap::SetData>(env, "setData"),
            Bind<&NetworkDatagramWrap::Address<&QNetworkDatagram::destinationAddress>>(env, "destinationAddress"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::destinationPort>>(env, "destinationPort"),
            Bind<&NetworkDatagramWrap::SetDestination>(env, "setDestination"),
            Bind<&NetworkDatagramWrap::Address<&QNetworkDatagram::senderAddress>>(env, "senderAddress"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::senderPort>>(env, "senderPort"),
            Bind<&NetworkDatagramWrap::SetSender>(env, "setSender"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::hopLimit>>(env, "hopLimit"),
            Bind<&NetworkDatagramWrap::SetInt<&QNetworkDatagram::setHopLimit, INT32_MIN, INT32_MAX>>(env,
                                                                                                     "setHopLimit"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::interfaceIndex>>(env, "interfaceIndex"),
            Bind<&NetworkDatagramWrap::SetInt<&QNetworkDatagram::setInterfaceIndex, 0, UINT32_MAX>>(
                env, "setInterfaceIndex"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::isNull>>(env, "isNull"),
            Bind<&NetworkDatagramWrap::Get<&QNetworkDatagram::isValid>>(env, "isValid"),
            Bind<&NetworkDatagramWrap::MakeReply>(env, "makeReply"),
            Bind<&NetworkDatagramWrap::Swap>(env, "swap"),
        });
    m.networkDatagramCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QNetworkDatagram() is null; (other) copies; (data, destinationAddress, port) is Qt's.
  explicit NetworkDatagramWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 3) {
      value = QNetworkDatagram(BytesArg(info, 0, kName), Address(info, 1, kName),
                               quint16(IntArg(info, 2, 0, kPortMax, kName)));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QNetworkDatagram: 0, 1 or 3 arguments expected");
    }
  }

 private:
  static const QHostAddress& Address(const Napi::CallbackInfo& info, size_t i, const char* method) {
    const QHostAddress* a = UnwrapHostAddress(info[i]);
    if (!a) throw ArgTypeError(info.Env(), i, method, "a native QHostAddress");
    return *a;
  }

  template <auto G>
  Napi::Value Address(const Napi::CallbackInfo& info) {
    return NewHostAddress(info.Env(), (value.*G)());
  }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    value.clear();
    return info.Env().Undefined();
  }

  Napi::Value SetData(const Napi::CallbackInfo& info) {
    value.setData(BytesArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value SetDestination(const Napi::CallbackInfo& info) {
    value.setDestination(Address(info, 0, Method(info)), quint16(IntArg(info, 1, 0, kPortMax, Method(info))));
    return info.Env().Undefined();
  }

  Napi::Value SetSender(const Napi::CallbackInfo& info) {
    value.setSender(Address(info, 0, Method(info)), quint16(IntArg(info, 1, 0, kPortMax, Method(info))));
    return info.Env().Undefined();
  }

  Napi::Value MakeReply(const Napi::CallbackInfo& info) {
    QByteArray payload = BytesArg(info, 0, Method(info));
    return New(Module::of(info.Env()).networkDatagramCtor, value.makeReply(payload));
  }
};

}  // namespace

const QNetworkDatagram* UnwrapNetworkDatagram(Napi::Value v) { return NetworkDatagramWrap::ValueOf(v); }

Napi::Object NewNetworkDatagram(Napi::Env env, const QNetworkDatagram& d) {
  return NetworkDatagramWrap::New(Module::of(env).networkDatagramCtor, d);
}

Napi::Function InitNetworkDatagram(Napi::Env env, Module& m) { return NetworkDatagramWrap::Init(env, m); }

}  // namespace qtn
