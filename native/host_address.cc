#include "host_address.h"

#include <QString>

#include <cmath>
#include <cstring>
#include <exception>
#include <string>

namespace qtn {

namespace {

// Marks the objects our constructor made: napi_unwrap alone would also accept another class's
// wrapped object given our prototype, and reading it as a QHostAddress would crash.
constexpr napi_type_tag kHostAddressTag = {0x8d3b1f4e6a2c4b71ULL, 0x9e05c7d2a4f1b388ULL};

// Through UTF-16, so that every JS string reaches Qt unchanged (embedded NULs included).
QString ToQString(Napi::Value v) {
  std::u16string s = v.As<Napi::String>().Utf16Value();
  return QString(reinterpret_cast<const QChar*>(s.data()), qsizetype(s.size()));
}

Napi::String FromQString(Napi::Env env, const QString& s) {
  return Napi::String::New(env, reinterpret_cast<const char16_t*>(s.utf16()), size_t(s.size()));
}

// The TS layer checks arguments with PyQt6's messages; these checks only keep bad calls from
// reaching Qt (a double out of an integer's range is undefined behaviour when converted).
QString StringArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  if (!info[i].IsString()) throw Napi::TypeError::New(info.Env(), std::string(method) + ": string expected");
  return ToQString(info[i]);
}

int64_t IntArg(const Napi::CallbackInfo& info, size_t i, int64_t min, int64_t max, const char* method) {
  if (!info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(method) + ": integer expected");
  double d = info[i].As<Napi::Number>().DoubleValue();
  if (!std::isfinite(d) || d != std::trunc(d))
    throw Napi::TypeError::New(info.Env(), std::string(method) + ": integer expected");
  if (d < double(min) || d > double(max))
    throw Napi::RangeError::New(info.Env(), std::string(method) + ": " + std::to_string(min) + ".." +
                                                std::to_string(max) + " expected");
  return int64_t(d);
}

// Runs f, turning a C++ exception that is not already a JS one (std::bad_alloc from Qt) into a JS
// Error: node-addon-api only converts Napi::Error, anything else would terminate the process.
template <typename F>
auto Guard(Napi::Env env, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Napi::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Napi::Error::New(env, std::string("QHostAddress: ") + e.what());
  }
}

class HostAddressWrap : public Napi::ObjectWrap<HostAddressWrap> {
 public:
  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        DefineClass(env, "QHostAddress", {StaticMethod<&HostAddressWrap::ParseSubnet>("parseSubnet")});
    ctor.Get("prototype").As<Napi::Object>().DefineProperties({
        Bind<&HostAddressWrap::SetAddress>(env, "setAddress"),
        Bind<&HostAddressWrap::SetSpecialAddress>(env, "setSpecialAddress"),
        Bind<&HostAddressWrap::Clear>(env, "clear"),
        Bind<&HostAddressWrap::Swap>(env, "swap"),
        Bind<&HostAddressWrap::Equals>(env, "equals"),
        Bind<&HostAddressWrap::IsEqual>(env, "isEqual"),
        Bind<&HostAddressWrap::IsInSubnet>(env, "isInSubnet"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isBroadcast>>(env, "isBroadcast"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isGlobal>>(env, "isGlobal"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isLinkLocal>>(env, "isLinkLocal"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isLoopback>>(env, "isLoopback"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isMulticast>>(env, "isMulticast"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isNull>>(env, "isNull"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isSiteLocal>>(env, "isSiteLocal"),
        Bind<&HostAddressWrap::Is<&QHostAddress::isUniqueLocalUnicast>>(env, "isUniqueLocalUnicast"),
        Bind<&HostAddressWrap::Protocol>(env, "protocol"),
        Bind<&HostAddressWrap::ScopeId>(env, "scopeId"),
        Bind<&HostAddressWrap::SetScopeId>(env, "setScopeId"),
        Bind<&HostAddressWrap::ToIPv4Address>(env, "toIPv4Address"),
        Bind<&HostAddressWrap::ToIPv6Address>(env, "toIPv6Address"),
        Bind<&HostAddressWrap::ToString>(env, "toString"),
    });
    m.hostAddressCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QHostAddress() is null; new QHostAddress(other) copies other.
  explicit HostAddressWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<HostAddressWrap>(info) {
    if (info.Length() > 0 && !info[0].IsUndefined()) addr = Other(info, 0, "QHostAddress");
    info.This().As<Napi::Object>().TypeTag(&kHostAddressTag);
  }

  // The wrapper inside v, or nullptr if v is not an object our constructor made.
  static HostAddressWrap* Of(Napi::Value v) {
    if (!v.IsObject()) return nullptr;
    Napi::Object o = v.As<Napi::Object>();
    if (!o.CheckTypeTag(&kHostAddressTag)) return nullptr;
    void* p = nullptr;
    if (napi_unwrap(v.Env(), o, &p) != napi_ok) return nullptr;
    return static_cast<HostAddressWrap*>(p);
  }

  QHostAddress addr;

 private:
  using Method = Napi::Value (HostAddressWrap::*)(const Napi::CallbackInfo&);

  // Instance methods are plain functions on the prototype that go through Call, rather than
  // InstanceMethod, whose unwrap trusts `this`: a method borrowed onto another wrapped object must
  // be a TypeError, not a read of foreign memory.
  template <Method M>
  static Napi::Value Call(const Napi::CallbackInfo& info) {
    HostAddressWrap* self = Of(info.This());
    if (!self) throw Napi::TypeError::New(info.Env(), "QHostAddress method called on a non-QHostAddress");
    return Guard(info.Env(), [&] { return (self->*M)(info); });
  }

  template <Method M>
  static Napi::PropertyDescriptor Bind(Napi::Env env, const char* name) {
    return Napi::PropertyDescriptor::Value(name, Napi::Function::New<&HostAddressWrap::Call<M>>(env, name));
  }

  static const QHostAddress& Other(const Napi::CallbackInfo& info, size_t i, const char* method) {
    HostAddressWrap* o = Of(info[i]);
    if (!o) throw Napi::TypeError::New(info.Env(), std::string(method) + ": native QHostAddress expected");
    return o->addr;
  }

  static QHostAddress::SpecialAddress Special(const Napi::CallbackInfo& info, size_t i, const char* method) {
    return QHostAddress::SpecialAddress(IntArg(info, i, QHostAddress::Null, QHostAddress::AnyIPv4, method));
  }

  static Napi::Value ParseSubnet(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    QPair<QHostAddress, int> r = Guard(env, [&] { return QHostAddress::parseSubnet(StringArg(info, 0, "parseSubnet")); });
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
    if (v.IsString()) return Napi::Boolean::New(env, addr.setAddress(ToQString(v)));
    if (v.IsNumber()) {
      addr.setAddress(quint32(IntArg(info, 0, 0, 0xffffffffLL, "setAddress")));
      return env.Undefined();
    }
    if (v.IsTypedArray() && v.As<Napi::TypedArray>().TypedArrayType() == napi_uint8_array) {
      Napi::Uint8Array bytes = v.As<Napi::Uint8Array>();
      if (bytes.ElementLength() != 16) throw Napi::TypeError::New(env, "setAddress: 16 bytes expected");
      Q_IPV6ADDR a;
      std::memcpy(a.c, bytes.Data(), 16);
      addr.setAddress(a);
      return env.Undefined();
    }
    throw Napi::TypeError::New(env, "setAddress: string, uint32 or 16-byte Uint8Array expected");
  }

  Napi::Value SetSpecialAddress(const Napi::CallbackInfo& info) {
    addr.setAddress(Special(info, 0, "setSpecialAddress"));
    return info.Env().Undefined();
  }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    addr.clear();
    return info.Env().Undefined();
  }

  Napi::Value Swap(const Napi::CallbackInfo& info) {
    HostAddressWrap* o = Of(info[0]);
    if (!o) throw Napi::TypeError::New(info.Env(), "swap: native QHostAddress expected");
    addr.swap(o->addr);
    return info.Env().Undefined();
  }

  // Qt's operator==, which PyQt6's == calls: with a SpecialAddress (a number) or a QHostAddress.
  Napi::Value Equals(const Napi::CallbackInfo& info) {
    bool eq = info[0].IsNumber() ? addr == Special(info, 0, "equals") : addr == Other(info, 0, "equals");
    return Napi::Boolean::New(info.Env(), eq);
  }

  Napi::Value IsEqual(const Napi::CallbackInfo& info) {
    const QHostAddress& other = Other(info, 0, "isEqual");
    auto mode = QHostAddress::ConversionMode::fromInt(int(IntArg(info, 1, 0, 0xff, "isEqual")));
    return Napi::Boolean::New(info.Env(), addr.isEqual(other, mode));
  }

  Napi::Value IsInSubnet(const Napi::CallbackInfo& info) {
    const QHostAddress& subnet = Other(info, 0, "isInSubnet");
    int netmask = int(IntArg(info, 1, INT32_MIN, INT32_MAX, "isInSubnet"));
    return Napi::Boolean::New(info.Env(), addr.isInSubnet(subnet, netmask));
  }

  template <bool (QHostAddress::*P)() const>
  Napi::Value Is(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), (addr.*P)());
  }

  Napi::Value Protocol(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), int(addr.protocol()));
  }

  Napi::Value ScopeId(const Napi::CallbackInfo& info) { return FromQString(info.Env(), addr.scopeId()); }

  Napi::Value SetScopeId(const Napi::CallbackInfo& info) {
    addr.setScopeId(StringArg(info, 0, "setScopeId"));
    return info.Env().Undefined();
  }

  // [address, ok], as PyQt6's (int, bool).
  Napi::Value ToIPv4Address(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    bool ok = false;
    quint32 v = addr.toIPv4Address(&ok);
    Napi::Array r = Napi::Array::New(env, 2);
    r.Set(0u, Napi::Number::New(env, double(v)));
    r.Set(1u, Napi::Boolean::New(env, ok));
    return r;
  }

  Napi::Value ToIPv6Address(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Q_IPV6ADDR a = addr.toIPv6Address();
    Napi::Array r = Napi::Array::New(env, 16);
    for (uint32_t k = 0; k < 16; k++) r.Set(k, Napi::Number::New(env, a.c[k]));
    return r;
  }

  Napi::Value ToString(const Napi::CallbackInfo& info) { return FromQString(info.Env(), addr.toString()); }
};

}  // namespace

const QHostAddress* UnwrapHostAddress(Napi::Value v) {
  HostAddressWrap* w = HostAddressWrap::Of(v);
  return w ? &w->addr : nullptr;
}

Napi::Object NewHostAddress(Napi::Env env, const QHostAddress& a) {
  Napi::Object o = Module::of(env).hostAddressCtor.New({});
  HostAddressWrap::Of(o)->addr = a;
  return o;
}

Napi::Function InitHostAddress(Napi::Env env, Module& m) { return HostAddressWrap::Init(env, m); }

}  // namespace qtn
