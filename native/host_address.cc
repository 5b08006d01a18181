#include "host_address.h"

#include <cstring>

namespace qtn {

namespace {

class HostAddressWrap : public ValueWrap<HostAddressWrap, QHostAddress> {
 public:
  static constexpr const char* kName = "QHostAddress";
  static constexpr napi_type_tag kTag = {0x8d3b1f4e6a2c4b71ULL, 0x9e05c7d2a4f1b388ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        Define(env, {StaticMethod<&HostAddressWrap::ParseSubnet>("parseSubnet")},
               {
                   Bind<&HostAddressWrap::SetAddress>(env, "setAddress"),
                   Bind<&HostAddressWrap::SetSpecialAddress>(env, "setSpecialAddress"),
                   Bind<&HostAddressWrap::Clear>(env, "clear"),
                   Bind<&HostAddressWrap::Swap>(env, "swap"),
                   Bind<&HostAddressWrap::Equals>(env, "equals"),
                   Bind<&HostAddressWrap::IsEqual>(env, "isEqual"),
                   Bind<&HostAddressWrap::IsInSubnet>(env, "isInSubnet"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isBroadcast>>(env, "isBroadcast"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isGlobal>>(env, "isGlobal"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isLinkLocal>>(env, "isLinkLocal"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isLoopback>>(env, "isLoopback"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isMulticast>>(env, "isMulticast"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isNull>>(env, "isNull"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isSiteLocal>>(env, "isSiteLocal"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::isUniqueLocalUnicast>>(env, "isUniqueLocalUnicast"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::protocol>>(env, "protocol"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::scopeId>>(env, "scopeId"),
                   Bind<&HostAddressWrap::SetString<&QHostAddress::setScopeId>>(env, "setScopeId"),
                   Bind<&HostAddressWrap::ToIPv4Address>(env, "toIPv4Address"),
                   Bind<&HostAddressWrap::ToIPv6Address>(env, "toIPv6Address"),
                   Bind<&HostAddressWrap::Get<&QHostAddress::toString>>(env, "toString"),
               });
    m.hostAddressCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QHostAddress() is null; new QHostAddress(other) copies other.
  explicit HostAddressWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() > 0 && !info[0].IsUndefined()) value = Other(info, 0, kName);
  }

 private:
  static QHostAddress::SpecialAddress Special(const Napi::CallbackInfo& info, size_t i, const char* method) {
    return QHostAddress::SpecialAddress(IntArg(info, i, QHostAddress::Null, QHostAddress::AnyIPv4, method));
  }

  static Napi::Value ParseSubnet(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    QPair<QHostAddress, int> r =
        Guard(env, kName, [&] { return QHostAddress::parseSubnet(StringArg(info, 0, "QHostAddress.parseSubnet")); });
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, NewHostAddress(env, r.first));
    pair.Set(1u, Napi::Number::New(env, r.second));
    return pair;
  }

  // setAddress(string) → whether Qt parsed it; setAddress(uint32) and setAddress(16-byte
  // Uint8Array) → undefined. SpecialAddress has its own method: a number is always an IPv4 here.
  Napi::Value SetAddress(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Napi::Value v = info[0];
    if (v.IsString()) return Napi::Boolean::New(env, value.setAddress(ToQString(v)));
    if (v.IsNumber()) {
      value.setAddress(quint32(IntArg(info, 0, 0, 0xffffffffLL, Method(info))));
      return env.Undefined();
    }
    if (v.IsTypedArray() && v.As<Napi::TypedArray>().TypedArrayType() == napi_uint8_array) {
      Napi::Uint8Array bytes = v.As<Napi::Uint8Array>();
      if (bytes.ElementLength() != 16) throw ArgTypeError(env, 0, Method(info), "16 bytes long");
      Q_IPV6ADDR a;
      std::memcpy(a.c, bytes.Data(), 16);
      value.setAddress(a);
      return env.Undefined();
    }
    throw ArgTypeError(env, 0, Method(info), "a string, a uint32 or a 16-byte Uint8Array");
  }

  Napi::Value SetSpecialAddress(const Napi::CallbackInfo& info) {
    value.setAddress(Special(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    value.clear();
    return info.Env().Undefined();
  }

  // Qt's operator==, which PyQt6's == calls: with a SpecialAddress (a number) or a QHostAddress.
  Napi::Value Equals(const Napi::CallbackInfo& info) {
    const char* method = Method(info);
    bool eq = info[0].IsNumber() ? value == Special(info, 0, method) : value == Other(info, 0, method);
    return Napi::Boolean::New(info.Env(), eq);
  }

  Napi::Value IsEqual(const Napi::CallbackInfo& info) {
    const QHostAddress& other = Other(info, 0, Method(info));
    auto mode = QHostAddress::ConversionMode::fromInt(int(IntArg(info, 1, 0, 0xff, Method(info))));
    return Napi::Boolean::New(info.Env(), value.isEqual(other, mode));
  }

  Napi::Value IsInSubnet(const Napi::CallbackInfo& info) {
    const QHostAddress& subnet = Other(info, 0, Method(info));
    int netmask = int(IntArg(info, 1, INT32_MIN, INT32_MAX, Method(info)));
    return Napi::Boolean::New(info.Env(), value.isInSubnet(subnet, netmask));
  }

  // [address, ok], as PyQt6's (int, bool).
  Napi::Value ToIPv4Address(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bool ok = false;
    quint32 v = value.toIPv4Address(&ok);
    Napi::Array r = Napi::Array::New(env, 2);
    r.Set(0u, Napi::Number::New(env, double(v)));
    r.Set(1u, Napi::Boolean::New(env, ok));
    return r;
  }

  Napi::Value ToIPv6Address(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Q_IPV6ADDR a = value.toIPv6Address();
    Napi::Array r = Napi::Array::New(env, 16);
    for (uint32_t k = 0; k < 16; k++) r.Set(k, Napi::Number::New(env, a.c[k]));
    return r;
  }
};

}  // namespace

const QHostAddress* UnwrapHostAddress(Napi::Value v) { return HostAddressWrap::ValueOf(v); }

Napi::Object NewHostAddress(Napi::Env env, const QHostAddress& a) {
  return HostAddressWrap::New(Module::of(env).hostAddressCtor, a);
}

Napi::Function InitHostAddress(Napi::Env env, Module& m) { return HostAddressWrap::Init(env, m); }

}  // namespace qtn
