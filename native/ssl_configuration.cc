// QSslConfiguration: what a TLS session is set up with and, once it ran, what it negotiated. Every
// default and every check of a value (which options, which protocol) is Qt's own;
// lib/QSslConfiguration.ts checks arguments and names.
#include "ssl_configuration.h"

#include <QMap>
#include <QSsl>
#include <QSslSocket>

#include <cstdint>

#include "ssl_certificate.h"
#include "ssl_cipher.h"
#include "ssl_diffie_hellman_parameters.h"
#include "ssl_elliptic_curve.h"
#include "ssl_key.h"

namespace qtn {

namespace {

class SslConfigurationWrap : public ValueWrap<SslConfigurationWrap, QSslConfiguration> {
 public:
  static constexpr const char* kName = "QSslConfiguration";
  static constexpr napi_type_tag kTag = {0x5d2e9b47a1c083f6ULL, 0xc6104fe83b9a257dULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = SslConfigurationWrap;
    using C = QSslConfiguration;
    Napi::Function ctor =
        Define(env,
               {
                   StaticMethod<&W::DefaultConfiguration>("defaultConfiguration"),
                   StaticMethod<&W::SetDefaultConfiguration>("setDefaultConfiguration"),
                   StaticMethod<&W::DefaultDtlsConfiguration>("defaultDtlsConfiguration"),
                   StaticMethod<&W::SetDefaultDtlsConfiguration>("setDefaultDtlsConfiguration"),
                   StaticMethod<&W::SystemCaCertificates>("systemCaCertificates"),
                   StaticMethod<&W::SupportedCiphers>("supportedCiphers"),
                   StaticMethod<&W::SupportedEllipticCurves>("supportedEllipticCurves"),
               },
               {
                   Bind<&W::Get<&C::isNull>>(env, "isNull"),
                   Bind<&W::Get<&C::protocol>>(env, "protocol"),
                   Bind<&W::SetInt<&C::setProtocol, -1, 13>>(env, "setProtocol"),
                   Bind<&W::Get<&C::sessionProtocol>>(env, "sessionProtocol"),
                   Bind<&W::Get<&C::peerVerifyMode>>(env, "peerVerifyMode"),
                   Bind<&W::SetInt<&C::setPeerVerifyMode, 0, 3>>(env, "setPeerVerifyMode"),
                   Bind<&W::Get<&C::peerVerifyDepth>>(env, "peerVerifyDepth"),
                   Bind<&W::SetInt<&C::setPeerVerifyDepth, INT32_MIN, INT32_MAX>>(env, "setPeerVerifyDepth"),
                   Bind<&W::TestSslOption>(env, "testSslOption"),
                   Bind<&W::SetSslOption>(env, "setSslOption"),
                   Bind<&W::AllowedNextProtocols>(env, "allowedNextProtocols"),
                   Bind<&W::SetAllowedNextProtocols>(env, "setAllowedNextProtocols"),
                   Bind<&W::Get<&C::nextNegotiatedProtocol>>(env, "nextNegotiatedProtocol"),
                   Bind<&W::Get<&C::nextProtocolNegotiationStatus>>(env, "nextProtocolNegotiationStatus"),
                   Bind<&W::Get<&C::sessionTicket>>(env, "sessionTicket"),
                   Bind<&W::SetBytes<&C::setSessionTicket>>(env, "setSessionTicket"),
                   Bind<&W::Get<&C::sessionTicketLifeTimeHint>>(env, "sessionTicketLifeTimeHint"),
                   Bind<&W::Get<&C::preSharedKeyIdentityHint>>(env, "preSharedKeyIdentityHint"),
                   Bind<&W::SetBytes<&C::setPreSharedKeyIdentityHint>>(env, "setPreSharedKeyIdentityHint"),
                   Bind<&W::Get<&C::handshakeMustInterruptOnError>>(env, "handshakeMustInterruptOnError"),
                   Bind<&W::SetBool<&C::setHandshakeMustInterruptOnError>>(env, "setHandshakeMustInterruptOnError"),
                   Bind<&W::Get<&C::missingCertificateIsFatal>>(env, "missingCertificateIsFatal"),
                   Bind<&W::SetBool<&C::setMissingCertificateIsFatal>>(env, "setMissingCertificateIsFatal"),
                   Bind<&W::Get<&C::ocspStaplingEnabled>>(env, "ocspStaplingEnabled"),
                   Bind<&W::SetBool<&C::setOcspStaplingEnabled>>(env, "setOcspStaplingEnabled"),
                   Bind<&W::Get<&C::dtlsCookieVerificationEnabled>>(env, "dtlsCookieVerificationEnabled"),
                   Bind<&W::SetBool<&C::setDtlsCookieVerificationEnabled>>(env, "setDtlsCookieVerificationEnabled"),
                   Bind<&W::BackendConfiguration>(env, "backendConfiguration"),
                   Bind<&W::SetBackendConfiguration>(env, "setBackendConfiguration"),
                   Bind<&W::SetBackendConfigurationOption>(env, "setBackendConfigurationOption"),
                   Bind<&W::Certificates<&C::caCertificates>>(env, "caCertificates"),
                   Bind<&W::SetCertificates<&C::setCaCertificates>>(env, "setCaCertificates"),
                   Bind<&W::AddCaCertificate>(env, "addCaCertificate"),
                   Bind<&W::SetCertificates<&C::addCaCertificates>>(env, "addCaCertificates"),
                   Bind<&W::AddCaCertificatesFromPath>(env, "addCaCertificatesFromPath"),
                   Bind<&W::Certificate<&C::localCertificate>>(env, "localCertificate"),
                   Bind<&W::SetLocalCertificate>(env, "setLocalCertificate"),
                   Bind<&W::Certificates<&C::localCertificateChain>>(env, "localCertificateChain"),
                   Bind<&W::SetCertificates<&C::setLocalCertificateChain>>(env, "setLocalCertificateChain"),
                   Bind<&W::Certificate<&C::peerCertificate>>(env, "peerCertificate"),
                   Bind<&W::Certificates<&C::peerCertificateChain>>(env, "peerCertificateChain"),
                   Bind<&W::Key<&C::privateKey>>(env, "privateKey"),
                   Bind<&W::SetPrivateKey>(env, "setPrivateKey"),
                   Bind<&W::Key<&C::ephemeralServerKey>>(env, "ephemeralServerKey"),
                   Bind<&W::Ciphers<&C::ciphers>>(env, "ciphers"),
                   Bind<&W::SetCiphers>(env, "setCiphers"),
                   Bind<&W::SetCipherString>(env, "setCipherString"),
                   Bind<&W::SessionCipher>(env, "sessionCipher"),
                   Bind<&W::EllipticCurves>(env, "ellipticCurves"),
                   Bind<&W::SetEllipticCurves>(env, "setEllipticCurves"),
                   Bind<&W::DiffieHellmanParameters>(env, "diffieHellmanParameters"),
                   Bind<&W::SetDiffieHellmanParameters>(env, "setDiffieHellmanParameters"),
                   Bind<&W::Swap>(env, "swap"),
                   Bind<&W::Equals>(env, "equals"),
               });
    m.sslConfigurationCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslConfiguration() · (other): a copy.
  explicit SslConfigurationWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1)
      value = Other(info, 0, kName);
    else if (info.Length() != 0)
      throw Napi::TypeError::New(info.Env(), "QSslConfiguration: 0 or 1 arguments expected");
  }

 private:
  static Napi::Value DefaultConfiguration(const Napi::CallbackInfo& info) {
    return NewSslConfiguration(info.Env(), QSslConfiguration::defaultConfiguration());
  }
  static Napi::Value SetDefaultConfiguration(const Napi::CallbackInfo& info) {
    QSslConfiguration::setDefaultConfiguration(Other(info, 0, "QSslConfiguration.setDefaultConfiguration"));
    return info.Env().Undefined();
  }
  static Napi::Value DefaultDtlsConfiguration(const Napi::CallbackInfo& info) {
    return NewSslConfiguration(info.Env(), QSslConfiguration::defaultDtlsConfiguration());
  }
  static Napi::Value SetDefaultDtlsConfiguration(const Napi::CallbackInfo& info) {
    QSslConfiguration::setDefaultDtlsConfiguration(Other(info, 0, "QSslConfiguration.setDefaultDtlsConfiguration"));
    return info.Env().Undefined();
  }

  static Napi::Value SystemCaCertificates(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), QSslConfiguration::systemCaCertificates(), NewSslCertificate);
  }

  template <QSslCertificate (QSslConfiguration::*G)() const>
  Napi::Value Certificate(const Napi::CallbackInfo& info) {
    return NewSslCertificate(info.Env(), (value.*G)());
  }
  template <QList<QSslCertificate> (QSslConfiguration::*G)() const>
  Napi::Value Certificates(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), (value.*G)(), NewSslCertificate);
  }
  template <void (QSslConfiguration::*S)(const QList<QSslCertificate>&)>
  Napi::Value SetCertificates(const Napi::CallbackInfo& info) {
    (value.*S)(SslCertificateListArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
  static const QSslCertificate& CertificateArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
    const QSslCertificate* c = UnwrapSslCertificate(info[i]);
    if (!c) throw ArgTypeError(info.Env(), i, method, "a native QSslCertificate");
    return *c;
  }
  Napi::Value AddCaCertificate(const Napi::CallbackInfo& info) {
    value.addCaCertificate(CertificateArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
  Napi::Value SetLocalCertificate(const Napi::CallbackInfo& info) {
    value.setLocalCertificate(CertificateArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
  // addCaCertificates(path, format, syntax): whether any certificate was read.
  Napi::Value AddCaCertificatesFromPath(const Napi::CallbackInfo& info) {
    const char* method = Method(info);
    QString path = StringArg(info, 0, method);
    auto format = QSsl::EncodingFormat(IntArg(info, 1, 0, 1, method));
    auto syntax = QSslCertificate::PatternSyntax(IntArg(info, 2, 0, 2, method));
    return Napi::Boolean::New(info.Env(), value.addCaCertificates(path, format, syntax));
  }

  static Napi::Value SupportedCiphers(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), QSslConfiguration::supportedCiphers(), NewSslCipher);
  }
  static Napi::Value SupportedEllipticCurves(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), QSslConfiguration::supportedEllipticCurves(), NewSslEllipticCurve);
  }
  template <QList<QSslCipher> (QSslConfiguration::*G)() const>
  Napi::Value Ciphers(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), (value.*G)(), NewSslCipher);
  }
  // An array of native QSslCiphers (lib/ checked the items).
  Napi::Value SetCiphers(const Napi::CallbackInfo& info) {
    value.setCiphers(ArrayArg(info, 0, Method(info), UnwrapSslCipher, "an array of native QSslCipher"));
    return info.Env().Undefined();
  }
  // setCiphers(str): OpenSSL's cipher list syntax ("ECDHE-RSA-AES128-GCM-SHA256:..."), which Qt parses.
  Napi::Value SetCipherString(const Napi::CallbackInfo& info) {
    value.setCiphers(StringArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
  Napi::Value SessionCipher(const Napi::CallbackInfo& info) { return NewSslCipher(info.Env(), value.sessionCipher()); }
  Napi::Value EllipticCurves(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.ellipticCurves(), NewSslEllipticCurve);
  }
  Napi::Value SetEllipticCurves(const Napi::CallbackInfo& info) {
    value.setEllipticCurves(
        ArrayArg(info, 0, Method(info), UnwrapSslEllipticCurve, "an array of native QSslEllipticCurve"));
    return info.Env().Undefined();
  }
  Napi::Value DiffieHellmanParameters(const Napi::CallbackInfo& info) {
    return NewSslDiffieHellmanParameters(info.Env(), value.diffieHellmanParameters());
  }
  Napi::Value SetDiffieHellmanParameters(const Napi::CallbackInfo& info) {
    const QSslDiffieHellmanParameters* p = UnwrapSslDiffieHellmanParameters(info[0]);
    if (!p) throw ArgTypeError(info.Env(), 0, Method(info), "a native QSslDiffieHellmanParameters");
    value.setDiffieHellmanParameters(*p);
    return info.Env().Undefined();
  }

  template <QSslKey (QSslConfiguration::*G)() const>
  Napi::Value Key(const Napi::CallbackInfo& info) {
    return NewSslKey(info.Env(), (value.*G)());
  }
  Napi::Value SetPrivateKey(const Napi::CallbackInfo& info) {
    const QSslKey* k = UnwrapSslKey(info[0]);
    if (!k) throw ArgTypeError(info.Env(), 0, Method(info), "a native QSslKey");
    value.setPrivateKey(*k);
    return info.Env().Undefined();
  }

  template <void (QSslConfiguration::*S)(bool)>
  Napi::Value SetBool(const Napi::CallbackInfo& info) {
    (value.*S)(BoolArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  template <void (QSslConfiguration::*S)(const QByteArray&)>
  Napi::Value SetBytes(const Napi::CallbackInfo& info) {
    (value.*S)(BytesArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  // One option of QSsl::SslOptions: a single flag (lib/ checks it is one of the enum's).
  Napi::Value TestSslOption(const Napi::CallbackInfo& info) {
    auto option = QSsl::SslOption(IntArg(info, 0, 0, INT32_MAX, Method(info)));
    return Napi::Boolean::New(info.Env(), value.testSslOption(option));
  }
  Napi::Value SetSslOption(const Napi::CallbackInfo& info) {
    auto option = QSsl::SslOption(IntArg(info, 0, 0, INT32_MAX, Method(info)));
    value.setSslOption(option, BoolArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value AllowedNextProtocols(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.allowedNextProtocols(),
                   [](Napi::Env env, const QByteArray& p) { return FromQByteArray(env, p); });
  }
  // An array of Buffers (lib/ turned strings and QByteArrays into them).
  Napi::Value SetAllowedNextProtocols(const Napi::CallbackInfo& info) {
    if (!info[0].IsArray()) throw ArgTypeError(info.Env(), 0, Method(info), "an array of Buffers");
    Napi::Array a = info[0].As<Napi::Array>();
    QList<QByteArray> protocols;
    for (uint32_t k = 0; k < a.Length(); k++) {
      Napi::Value p = a.Get(k);
      if (!p.IsBuffer()) throw ArgTypeError(info.Env(), 0, Method(info), "an array of Buffers");
      auto b = p.As<Napi::Buffer<char>>();
      protocols.append(QByteArray(b.Data(), qsizetype(b.Length())));
    }
    value.setAllowedNextProtocols(protocols);
    return info.Env().Undefined();
  }

  // As [name, value] pairs: the names are bytes (a Buffer each), the values QVariants.
  Napi::Value BackendConfiguration(const Napi::CallbackInfo& info) {
    const QMap<QByteArray, QVariant> map = value.backendConfiguration();
    Napi::Array out = Napi::Array::New(info.Env(), size_t(map.size()));
    uint32_t k = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it, ++k) {
      Napi::Array pair = Napi::Array::New(info.Env(), 2);
      pair.Set(uint32_t(0), FromQByteArray(info.Env(), it.key()));
      pair.Set(uint32_t(1), FromVariant(info.Env(), it.value(), Method(info)));
      out.Set(k, pair);
    }
    return out;
  }
  // [name, value] pairs, each name a Buffer (lib/ made them so).
  Napi::Value SetBackendConfiguration(const Napi::CallbackInfo& info) {
    if (!info[0].IsArray()) throw ArgTypeError(info.Env(), 0, Method(info), "an array of [name, value] pairs");
    Napi::Array a = info[0].As<Napi::Array>();
    QMap<QByteArray, QVariant> map;
    for (uint32_t k = 0; k < a.Length(); k++) {
      Napi::Value p = a.Get(k);
      if (!p.IsArray() || p.As<Napi::Array>().Length() != 2 || !p.As<Napi::Array>().Get(uint32_t(0)).IsBuffer())
        throw ArgTypeError(info.Env(), 0, Method(info), "an array of [name, value] pairs");
      auto name = p.As<Napi::Array>().Get(uint32_t(0)).As<Napi::Buffer<char>>();
      map.insert(QByteArray(name.Data(), qsizetype(name.Length())),
                 VariantOf(p.As<Napi::Array>().Get(uint32_t(1)), 0, Method(info)));
    }
    value.setBackendConfiguration(map);
    return info.Env().Undefined();
  }
  Napi::Value SetBackendConfigurationOption(const Napi::CallbackInfo& info) {
    value.setBackendConfigurationOption(BytesArg(info, 0, Method(info)), VariantArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

const QSslConfiguration* UnwrapSslConfiguration(Napi::Value v) { return SslConfigurationWrap::ValueOf(v); }

Napi::Object NewSslConfiguration(Napi::Env env, const QSslConfiguration& c) {
  return SslConfigurationWrap::New(Module::of(env).sslConfigurationCtor, c);
}

Napi::Function InitSslConfiguration(Napi::Env env, Module& m) { return SslConfigurationWrap::Init(env, m); }

}  // namespace qtn
