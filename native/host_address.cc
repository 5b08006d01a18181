#include "host_address.h"

#include <cstring>

namespace qtn {

namespace {

class HostAddressWrap : public Napi::ObjectWrap<HostAddressWrap> {
 public:
  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = DefineClass(
        env, "QHostAddress",
        {
            StaticMethod<&HostAddressWrap::ParseSubnet>("parseSubnet"),
            InstanceMethod<&HostAddressWrap::SetString>("setString"),
            InstanceMethod<&HostAddressWrap::SetIPv4>("setIPv4"),
            InstanceMethod<&HostAddressWrap::SetIPv6>("setIPv6"),
            InstanceMethod<&HostAddressWrap::SetSpecial>("setSpecial"),
            InstanceMethod<&HostAddressWrap::CopyFrom>("copyFrom"),
            InstanceMethod<&HostAddressWrap::Clear>("clear"),
            InstanceMethod<&HostAddressWrap::IsEqual>("isEqual"),
            InstanceMethod<&HostAddressWrap::IsInSubnet>("isInSubnet"),
            InstanceMethod<&HostAddressWrap::Predicates>("predicates"),
            InstanceMethod<&HostAddressWrap::Protocol>("protocol"),
            InstanceMethod<&HostAddressWrap::ScopeId>("scopeId"),
            InstanceMethod<&HostAddressWrap::SetScopeId>("setScopeId"),
            InstanceMethod<&HostAddressWrap::ToIPv4Address>("toIPv4Address"),
            InstanceMethod<&HostAddressWrap::ToIPv6Address>("toIPv6Address"),
            InstanceMethod<&HostAddressWrap::ToString>("toString"),
        });
    m.hostAddressCtor = Napi::Persistent(ctor);
    return ctor;
  }

  explicit HostAddressWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<HostAddressWrap>(info) {}

  QHostAddress addr;

 private:
  static const QHostAddress& other(const Napi::CallbackInfo& info, size_t i) {
    const QHostAddress* a = UnwrapHostAddress(info[i]);
    if (!a) throw Napi::TypeError::New(info.Env(), "QHostAddress expected");
    return *a;
  }

  static Napi::Value ParseSubnet(const Napi::CallbackInfo& info) {
    auto [a, n] = QHostAddress::parseSubnet(QString::fromStdString(info[0].As<Napi::String>()));
    Napi::Array r = Napi::Array::New(info.Env(), 2);
    r.Set(0u, NewHostAddress(info.Env(), a));
    r.Set(1u, Napi::Number::New(info.Env(), n));
    return r;
  }

  Napi::Value SetString(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), addr.setAddress(QString::fromStdString(info[0].As<Napi::String>())));
  }

  Napi::Value SetIPv4(const Napi::CallbackInfo& info) {
    addr.setAddress(quint32(info[0].As<Napi::Number>().Int64Value()));
    return info.Env().Undefined();
  }

  Napi::Value SetIPv6(const Napi::CallbackInfo& info) {
    auto b = info[0].As<Napi::Buffer<uint8_t>>();
    if (b.Length() != 16) throw Napi::RangeError::New(info.Env(), "16 bytes expected");
    Q_IPV6ADDR a;
    std::memcpy(a.c, b.Data(), 16);
    addr.setAddress(a);
    return info.Env().Undefined();
  }

  Napi::Value SetSpecial(const Napi::CallbackInfo& info) {
    addr.setAddress(QHostAddress::SpecialAddress(info[0].As<Napi::Number>().Int32Value()));
    return info.Env().Undefined();
  }

  Napi::Value CopyFrom(const Napi::CallbackInfo& info) {
    addr = other(info, 0);
    return info.Env().Undefined();
  }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    addr.clear();
    return info.Env().Undefined();
  }

  Napi::Value IsEqual(const Napi::CallbackInfo& info) {
    auto mode = QHostAddress::ConversionMode(info[1].As<Napi::Number>().Int32Value());
    return Napi::Boolean::New(info.Env(), addr.isEqual(other(info, 0), mode));
  }

  Napi::Value IsInSubnet(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), addr.isInSubnet(other(info, 0), info[1].As<Napi::Number>().Int32Value()));
  }

  // All the is…() answers in one call, as bits in lib/QHostAddress.ts's order.
  Napi::Value Predicates(const Napi::CallbackInfo& info) {
    int bits = (addr.isBroadcast() << 0) | (addr.isGlobal() << 1) | (addr.isLinkLocal() << 2) |
               (addr.isLoopback() << 3) | (addr.isMulticast() << 4) | (addr.isNull() << 5) |
               (addr.isSiteLocal() << 6) | (addr.isUniqueLocalUnicast() << 7);
    return Napi::Number::New(info.Env(), bits);
  }

  Napi::Value Protocol(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), int(addr.protocol()));
  }

  Napi::Value ScopeId(const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(), addr.scopeId().toStdString());
  }

  Napi::Value SetScopeId(const Napi::CallbackInfo& info) {
    addr.setScopeId(QString::fromStdString(info[0].As<Napi::String>()));
    return info.Env().Undefined();
  }

  Napi::Value ToIPv4Address(const Napi::CallbackInfo& info) {
    bool ok = false;
    quint32 v = addr.toIPv4Address(&ok);
    Napi::Array r = Napi::Array::New(info.Env(), 2);
    r.Set(0u, Napi::Number::New(info.Env(), double(v)));
    r.Set(1u, Napi::Boolean::New(info.Env(), ok));
    return r;
  }

  Napi::Value ToIPv6Address(const Napi::CallbackInfo& info) {
    Q_IPV6ADDR a = addr.toIPv6Address();
    Napi::Array r = Napi::Array::New(info.Env(), 16);
    for (uint32_t k = 0; k < 16; k++) r.Set(k, Napi::Number::New(info.Env(), a.c[k]));
    return r;
  }

  Napi::Value ToString(const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(), addr.toString().toStdString());
  }
};

}  // namespace

const QHostAddress* UnwrapHostAddress(Napi::Value v) {
  if (!v.IsObject()) return nullptr;
  Napi::Object o = v.As<Napi::Object>();
  if (!o.InstanceOf(Module::of(v.Env()).hostAddressCtor.Value())) return nullptr;
  return &HostAddressWrap::Unwrap(o)->addr;
}

Napi::Object NewHostAddress(Napi::Env env, const QHostAddress& a) {
  Napi::Object o = Module::of(env).hostAddressCtor.New({});
  HostAddressWrap::Unwrap(o)->addr = a;
  return o;
}

Napi::Function InitHostAddress(Napi::Env env, Module& m) { return HostAddressWrap::Init(env, m); }

}  // namespace qtn
