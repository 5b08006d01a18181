// QSslEllipticCurve: which names the TLS backend knows, their other name, validity and whether a
// curve is one TLS names are Qt's own; lib/QSslEllipticCurve.ts checks arguments and names.
#include "ssl_elliptic_curve.h"

namespace qtn {

namespace {

class SslEllipticCurveWrap : public ValueWrap<SslEllipticCurveWrap, QSslEllipticCurve> {
 public:
  static constexpr const char* kName = "QSslEllipticCurve";
  static constexpr napi_type_tag kTag = {0x3c97a1e54d0b826fULL, 0x8e15f6b2a0c7d439ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = SslEllipticCurveWrap;
    using C = QSslEllipticCurve;
    Napi::Function ctor = Define(env,
                                 {
                                     StaticMethod<&W::From<&C::fromShortName>>("fromShortName"),
                                     StaticMethod<&W::From<&C::fromLongName>>("fromLongName"),
                                 },
                                 {
                                     Bind<&W::Get<&C::shortName>>(env, "shortName"),
                                     Bind<&W::Get<&C::longName>>(env, "longName"),
                                     Bind<&W::Get<&C::isValid>>(env, "isValid"),
                                     Bind<&W::Get<&C::isTlsNamedCurve>>(env, "isTlsNamedCurve"),
                                     Bind<&W::Equals>(env, "equals"),
                                 });
    m.sslEllipticCurveCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslEllipticCurve() · (other): a copy.
  explicit SslEllipticCurveWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslEllipticCurve: 0 or 1 arguments expected");
    }
  }

 private:
  // fromShortName(name) · fromLongName(name).
  template <QSslEllipticCurve (*F)(const QString&)>
  static Napi::Value From(const Napi::CallbackInfo& info) {
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      return New(Module::of(info.Env()).sslEllipticCurveCtor, F(StringArg(info, 0, kName)));
    });
  }
};

}  // namespace

const QSslEllipticCurve* UnwrapSslEllipticCurve(Napi::Value v) { return SslEllipticCurveWrap::ValueOf(v); }

Napi::Object NewSslEllipticCurve(Napi::Env env, const QSslEllipticCurve& c) {
  return SslEllipticCurveWrap::New(Module::of(env).sslEllipticCurveCtor, c);
}

Napi::Function InitSslEllipticCurve(Napi::Env env, Module& m) { return SslEllipticCurveWrap::Init(env, m); }

}  // namespace qtn
