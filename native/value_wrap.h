// What the value-class wrappers (QHostAddress, QNetworkProxy, QNetworkDatagram... one file each)
// share: the JS <-> Qt conversions and checks of their arguments and results, and ValueWrap, the
// ObjectWrap base that holds the Qt value and checks that `this` really is one of ours. lib/core/
// native.ts declares what they export to JS.
#pragma once

#include <napi.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <exception>
#include <string>
#include <type_traits>
#include <vector>

namespace qtn {

// Through UTF-16, so that every JS string reaches Qt unchanged (embedded NULs included). v must be
// a string (StringArg checks it).
QString ToQString(Napi::Value v);
Napi::String FromQString(Napi::Env env, const QString& s);
Napi::Buffer<char> FromQByteArray(Napi::Env env, const QByteArray& b);

// The TS layer checks arguments with PyQt6's messages; these checks only keep bad calls from
// reaching Qt (a double out of an integer's range is undefined behaviour when converted). One
// policy for every argument a program can pass: a wrong type is a TypeError, a number out of range
// a RangeError, saying "<method>: argument <n> must be ..." (n from 1: the native side has no
// argument names). Their messages never include the value: it may be a password.
Napi::TypeError ArgTypeError(Napi::Env env, size_t i, const char* method, const std::string& what);
QString StringArg(const Napi::CallbackInfo& info, size_t i, const char* method);
int64_t IntArg(const Napi::CallbackInfo& info, size_t i, int64_t min, int64_t max, const char* method);
bool BoolArg(const Napi::CallbackInfo& info, size_t i, const char* method);
// A Buffer or Uint8Array as bytes, a string as its UTF-8.
QByteArray BytesArg(const Napi::CallbackInfo& info, size_t i, const char* method);

// A date argument: a Date as a UTC QDateTime; null, undefined or an invalid Date as QDateTime()
// (PyQt6's invalid QDateTime). Anything else is a TypeError.
QDateTime DateArg(const Napi::CallbackInfo& info, size_t i, const char* method);
// A QDateTime as a JS Date, or null when it is invalid (what DateArg takes back).
Napi::Value FromDateTime(Napi::Env env, const QDateTime& t);

// A QVariant argument from JS: null/undefined -> invalid (PyQt6's None), boolean -> bool, integer ->
// int (qlonglong beyond 32 bits, as PyQt6 makes them), other number -> double, string -> QString,
// Buffer/Uint8Array -> QByteArray, Date -> QDateTime in UTC. Anything else is a TypeError.
QVariant VariantArg(const Napi::CallbackInfo& info, size_t i, const char* method);
// The same for a value inside argument i (an item of an array given as argument i).
QVariant VariantOf(Napi::Value v, size_t i, const char* method);
// A QVariant as JS: the types above back, plus QStringList -> string[], QUrl -> its toString(),
// QVariantMap -> an object and QVariantList -> an array (their items converted the same way),
// and a list of QNetworkCookie -> Buffer[] of Qt's raw forms (not yet QNetworkCookie objects).
// A type with no JS form is a TypeError naming it.
Napi::Value FromVariant(Napi::Env env, const QVariant& v, const char* method);

inline Napi::Value ToJs(Napi::Env env, bool b) { return Napi::Boolean::New(env, b); }
inline Napi::Value ToJs(Napi::Env env, const QString& s) { return FromQString(env, s); }
inline Napi::Value ToJs(Napi::Env env, const QByteArray& b) { return FromQByteArray(env, b); }
template <typename N, typename = std::enable_if_t<std::is_arithmetic_v<N> || std::is_enum_v<N>>>
Napi::Value ToJs(Napi::Env env, N n) {
  return Napi::Number::New(env, double(n));
}
template <typename E>
Napi::Value ToJs(Napi::Env env, QFlags<E> f) {
  return Napi::Number::New(env, double(f.toInt()));
}

// The parameter type of a one-argument setter.
template <typename>
struct ArgOf;
template <typename C, typename A>
struct ArgOf<void (C::*)(A)> {
  using type = std::decay_t<A>;
};

// The highest TCP/UDP port (Qt takes ports as quint16).
constexpr int64_t kPortMax = 65535;

// A QList as a JS array, each item made by wrap(env, item) (NewHostAddress, NewNetworkProxy...).
template <typename T, typename W>
Napi::Array ToArray(Napi::Env env, const QList<T>& list, W wrap) {
  Napi::Array a = Napi::Array::New(env, size_t(list.size()));
  for (uint32_t k = 0; k < uint32_t(list.size()); k++) a.Set(k, wrap(env, list[k]));
  return a;
}

// Argument i, a JS array of our native values, as a QList: each item read by unwrap
// (UnwrapSslCertificate...), or a TypeError naming the argument and `what` ("an array of native QUrl").
template <typename T>
QList<T> ArrayArg(const Napi::CallbackInfo& info, size_t i, const char* method, const T* (*unwrap)(Napi::Value),
                  const char* what) {
  if (!info[i].IsArray()) throw ArgTypeError(info.Env(), i, method, what);
  Napi::Array a = info[i].As<Napi::Array>();
  QList<T> list;
  list.reserve(qsizetype(a.Length()));
  for (uint32_t k = 0; k < a.Length(); k++) {
    const T* item = unwrap(a.Get(k));
    if (!item) throw ArgTypeError(info.Env(), i, method, what);
    list.append(*item);
  }
  return list;
}

// Runs f, turning a C++ exception that is not already a JS one (std::bad_alloc from Qt) into a JS
// Error: node-addon-api only converts Napi::Error, anything else would terminate the process.
template <typename F>
auto Guard(Napi::Env env, const char* cls, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Napi::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Napi::Error::New(env, std::string(cls) + ": " + e.what());
  }
}

// Self derives from ValueWrap<Self, T> and declares `static constexpr const char* kName` (the Qt
// class name, for messages) and `static constexpr napi_type_tag kTag`. The tag marks the objects
// our constructor made: napi_unwrap alone would also accept another class's wrapped object given
// our prototype, and reading it as a T would crash.
template <typename Self, typename T>
class ValueWrap : public Napi::ObjectWrap<Self> {
 public:
  explicit ValueWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Self>(info) {
    info.This().As<Napi::Object>().TypeTag(&Self::kTag);
  }

  // The wrapper inside v, or nullptr if v is not an object our constructor made.
  static Self* Of(Napi::Value v) {
    if (!v.IsObject()) return nullptr;
    Napi::Object o = v.As<Napi::Object>();
    if (!o.CheckTypeTag(&Self::kTag)) return nullptr;
    void* p = nullptr;
    if (napi_unwrap(v.Env(), o, &p) != napi_ok) return nullptr;
    return static_cast<Self*>(p);
  }

  // The T inside v, or nullptr if v is not an object our constructor made.
  static T* ValueOf(Napi::Value v) {
    Self* w = Of(v);
    return w ? &w->value : nullptr;
  }

  // A new JS object of this class (made by ctor, called without arguments) holding a copy of v.
  static Napi::Object New(const Napi::FunctionReference& ctor, const T& v) {
    Napi::Object o = ctor.New({});
    Of(o)->value = v;
    return o;
  }

  // The same in raw N-API for event payloads (see runtime/event_queue.cc dispatchBatch): nullptr, and no C++
  // exception, when JS cannot run.
  static napi_value NewOrNull(napi_env env, const Napi::FunctionReference& ctor, const T& v) {
    napi_value o;
    void* p = nullptr;
    if (napi_new_instance(env, ctor.Value(), 0, nullptr, &o) != napi_ok || napi_unwrap(env, o, &p) != napi_ok)
      return nullptr;
    static_cast<Self*>(p)->value = v;
    return o;
  }

  T value;

 protected:
  // The constructor, with instance methods as plain functions on the prototype that go through
  // Call, rather than InstanceMethod, whose unwrap trusts `this`: a method borrowed onto another
  // wrapped object must be a TypeError, not a read of foreign memory.
  static Napi::Function Define(Napi::Env env, const std::vector<Napi::ClassPropertyDescriptor<Self>>& statics,
                               const std::vector<Napi::PropertyDescriptor>& methods) {
    Napi::Function ctor = Napi::ObjectWrap<Self>::DefineClass(env, Self::kName, statics);
    ctor.Get("prototype").As<Napi::Object>().DefineProperties(methods);
    return ctor;
  }

  // M: a method of Self or of this base, Napi::Value (const Napi::CallbackInfo&).
  template <auto M>
  static Napi::Value Call(const Napi::CallbackInfo& info) {
    Self* self = Of(info.This());
    if (!self) throw Napi::TypeError::New(info.Env(), std::string(Self::kName) + " method called on another object");
    return Guard(info.Env(), Self::kName, [&] { return (self->*M)(info); });
  }

  // The function's data is its qualified name ("QHostAddress.setScopeId", see Method), made once
  // per bound method: M is bound under one name only.
  template <auto M>
  static Napi::PropertyDescriptor Bind(Napi::Env env, const char* name) {
    static const std::string qualified = std::string(Self::kName) + "." + name;
    return Napi::PropertyDescriptor::Value(
        name, Napi::Function::New<&ValueWrap::Call<M>>(env, name, const_cast<char*>(qualified.c_str())));
  }

  // Inside a method bound with Bind: its qualified name, for messages.
  static const char* Method(const Napi::CallbackInfo& info) { return static_cast<const char*>(info.Data()); }

  // Argument i as the T of another object of this class.
  static T& Other(const Napi::CallbackInfo& info, size_t i, const char* method) {
    Self* o = Of(info[i]);
    if (!o) throw ArgTypeError(info.Env(), i, method, std::string("a native ") + Self::kName);
    return o->value;
  }

  // The methods every value class has the same way: T::swap and T::operator== (Python's ==).
  Napi::Value Swap(const Napi::CallbackInfo& info) {
    value.swap(Other(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value Equals(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), value == Other(info, 0, Method(info)));
  }

  // The plain getters and setters of T, one template each rather than one method each: Get
  // returns what a const getter returns (bool, number, enum, flags, QString, QByteArray);
  // SetString, SetBytes and SetInt take one string, one byte argument (BytesArg) or one integer in
  // [Min, Max].
  template <auto G>
  Napi::Value Get(const Napi::CallbackInfo& info) {
    return ToJs(info.Env(), (value.*G)());
  }

  template <auto S>
  Napi::Value SetString(const Napi::CallbackInfo& info) {
    (value.*S)(StringArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  template <auto S>
  Napi::Value SetBytes(const Napi::CallbackInfo& info) {
    (value.*S)(BytesArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  template <auto S, int64_t Min, int64_t Max>
  Napi::Value SetInt(const Napi::CallbackInfo& info) {
    using Arg = typename ArgOf<decltype(S)>::type;
    (value.*S)(Arg(IntArg(info, 0, Min, Max, Method(info))));
    return info.Env().Undefined();
  }
};

}  // namespace qtn
