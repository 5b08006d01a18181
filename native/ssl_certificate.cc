// QSslCertificate: parsing, the fields, digests, verification and equality are Qt's own (its
// OpenSSL backend); lib/QSslCertificate.ts checks arguments and names. A device is read in JS (all
// of it, as Qt does) and its bytes come here.
#include "ssl_certificate.h"

#include <QBuffer>
#include <QCryptographicHash>

#include "ssl_certificate_extension.h"
#include "ssl_error.h"
#include "ssl_key.h"

namespace qtn {

namespace {

QSsl::EncodingFormat Format(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return QSsl::EncodingFormat(IntArg(info, i, QSsl::Pem, QSsl::Der, method));
}

Napi::Array ByteArrays(Napi::Env env, const QList<QByteArray>& list) { return ToArray(env, list, FromQByteArray); }

Napi::Array Strings(Napi::Env env, const QStringList& list) { return ToArray(env, list, FromQString); }

class SslCertificateWrap : public ValueWrap<SslCertificateWrap, QSslCertificate> {
 public:
  static constexpr const char* kName = "QSslCertificate";
  static constexpr napi_type_tag kTag = {0x3c95e81a6f20d4b7ULL, 0xe8147a5b92c063d1ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(
        env,
        {
            StaticMethod<&SslCertificateWrap::FromData>("fromData"),
            StaticMethod<&SslCertificateWrap::FromPath>("fromPath"),
            StaticMethod<&SslCertificateWrap::Verify>("verify"),
            StaticMethod<&SslCertificateWrap::ImportPkcs12>("importPkcs12"),
        },
        {
            Bind<&SslCertificateWrap::Clear>(env, "clear"),
            Bind<&SslCertificateWrap::Extensions>(env, "extensions"),
            Bind<&SslCertificateWrap::Digest>(env, "digest"),
            Bind<&SslCertificateWrap::Date<&QSslCertificate::effectiveDate>>(env, "effectiveDate"),
            Bind<&SslCertificateWrap::Date<&QSslCertificate::expiryDate>>(env, "expiryDate"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::isBlacklisted>>(env, "isBlacklisted"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::isNull>>(env, "isNull"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::isSelfSigned>>(env, "isSelfSigned"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::issuerDisplayName>>(env, "issuerDisplayName"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::subjectDisplayName>>(env, "subjectDisplayName"),
            Bind<&SslCertificateWrap::Info<false>>(env, "issuerInfo"),
            Bind<&SslCertificateWrap::Info<true>>(env, "subjectInfo"),
            Bind<&SslCertificateWrap::Attributes<&QSslCertificate::issuerInfoAttributes>>(env, "issuerInfoAttributes"),
            Bind<&SslCertificateWrap::Attributes<&QSslCertificate::subjectInfoAttributes>>(env,
                                                                                           "subjectInfoAttributes"),
            Bind<&SslCertificateWrap::AlternativeNames>(env, "subjectAlternativeNames"),
            Bind<&SslCertificateWrap::PublicKey>(env, "publicKey"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::serialNumber>>(env, "serialNumber"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::version>>(env, "version"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::toDer>>(env, "toDer"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::toPem>>(env, "toPem"),
            Bind<&SslCertificateWrap::Get<&QSslCertificate::toText>>(env, "toText"),
            Bind<&SslCertificateWrap::Swap>(env, "swap"),
            Bind<&SslCertificateWrap::Equals>(env, "equals"),
        });
    m.sslCertificateCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QSslCertificate() · (other) · (data: bytes, format: EncodingFormat). Data Qt cannot parse
  // gives the null certificate, as in Qt.
  explicit SslCertificateWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 2) {
      value = QSslCertificate(BytesArg(info, 0, kName), Format(info, 1, kName));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QSslCertificate: 0, 1 or 2 arguments expected");
    }
  }

 private:
  static Napi::Value FromData(const Napi::CallbackInfo& info) {
    const char* method = "QSslCertificate.fromData";
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      return ToArray(info.Env(), QSslCertificate::fromData(BytesArg(info, 0, method), Format(info, 1, method)),
                     NewSslCertificate);
    });
  }

  // (path, format, syntax: PatternSyntax): Qt reads the files itself, as in PyQt6.
  static Napi::Value FromPath(const Napi::CallbackInfo& info) {
    const char* method = "QSslCertificate.fromPath";
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      auto syntax =
          QSslCertificate::PatternSyntax(IntArg(info, 2, int(QSslCertificate::PatternSyntax::RegularExpression),
                                                int(QSslCertificate::PatternSyntax::FixedString), method));
      return ToArray(info.Env(), QSslCertificate::fromPath(StringArg(info, 0, method), Format(info, 1, method), syntax),
                     NewSslCertificate);
    });
  }

  // (chain: native QSslCertificate[], hostName): Qt's verification against the system's CAs.
  static Napi::Value Verify(const Napi::CallbackInfo& info) {
    const char* method = "QSslCertificate.verify";
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      QList<QSslCertificate> chain = SslCertificateListArg(info, 0, method);
      return ToArray(info.Env(), QSslCertificate::verify(chain, StringArg(info, 1, method)), NewSslError);
    });
  }

  // (data: the PKCS#12 bytes, passPhrase: bytes or null): [key, certificate, caCertificates], or
  // null when Qt cannot read it (a wrong passphrase among others).
  static Napi::Value ImportPkcs12(const Napi::CallbackInfo& info) {
    const char* method = "QSslCertificate.importPkcs12";
    return Guard(info.Env(), kName, [&]() -> Napi::Value {
      QByteArray data = BytesArg(info, 0, method);
      QByteArray passPhrase;
      if (!info[1].IsNull() && !info[1].IsUndefined()) passPhrase = BytesArg(info, 1, method);
      QBuffer device(&data);
      device.open(QIODevice::ReadOnly);
      QSslKey key;
      QSslCertificate certificate;
      QList<QSslCertificate> caCertificates;
      if (!QSslCertificate::importPkcs12(&device, &key, &certificate, &caCertificates, passPhrase))
        return info.Env().Null();
      Napi::Array result = Napi::Array::New(info.Env(), 3);
      result.Set(uint32_t(0), NewSslKey(info.Env(), key));
      result.Set(uint32_t(1), NewSslCertificate(info.Env(), certificate));
      result.Set(uint32_t(2), ToArray(info.Env(), caCertificates, NewSslCertificate));
      return result;
    });
  }

  Napi::Value PublicKey(const Napi::CallbackInfo& info) { return NewSslKey(info.Env(), value.publicKey()); }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    value.clear();
    return info.Env().Undefined();
  }

  Napi::Value Digest(const Napi::CallbackInfo& info) {
    auto algorithm = QCryptographicHash::Algorithm(
        IntArg(info, 0, QCryptographicHash::Md4, QCryptographicHash::Blake2s_256, Method(info)));
    return FromQByteArray(info.Env(), value.digest(algorithm));
  }

  Napi::Value Extensions(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.extensions(), NewSslCertificateExtension);
  }

  template <auto G>
  Napi::Value Date(const Napi::CallbackInfo& info) {
    return FromDateTime(info.Env(), (value.*G)());
  }

  // (info: SubjectInfo) or (attribute: bytes), as Qt's two overloads.
  template <bool Subject>
  Napi::Value Info(const Napi::CallbackInfo& info) {
    QStringList list;
    if (info[0].IsNumber()) {
      auto which = QSslCertificate::SubjectInfo(
          IntArg(info, 0, QSslCertificate::Organization, QSslCertificate::EmailAddress, Method(info)));
      list = Subject ? value.subjectInfo(which) : value.issuerInfo(which);
    } else {
      QByteArray attribute = BytesArg(info, 0, Method(info));
      list = Subject ? value.subjectInfo(attribute) : value.issuerInfo(attribute);
    }
    return Strings(info.Env(), list);
  }

  template <auto G>
  Napi::Value Attributes(const Napi::CallbackInfo& info) {
    return ByteArrays(info.Env(), (value.*G)());
  }

  // [type, name] pairs in Qt's multimap order (by type).
  Napi::Value AlternativeNames(const Napi::CallbackInfo& info) {
    const auto names = value.subjectAlternativeNames();
    Napi::Array a = Napi::Array::New(info.Env(), size_t(names.size()));
    uint32_t k = 0;
    for (auto it = names.cbegin(); it != names.cend(); ++it, ++k) {
      Napi::Array pair = Napi::Array::New(info.Env(), 2);
      pair.Set(uint32_t(0), Napi::Number::New(info.Env(), double(it.key())));
      pair.Set(uint32_t(1), FromQString(info.Env(), it.value()));
      a.Set(k, pair);
    }
    return a;
  }
};

}  // namespace

const QSslCertificate* UnwrapSslCertificate(Napi::Value v) { return SslCertificateWrap::ValueOf(v); }

Napi::Object NewSslCertificate(Napi::Env env, const QSslCertificate& c) {
  return SslCertificateWrap::New(Module::of(env).sslCertificateCtor, c);
}

QList<QSslCertificate> SslCertificateListArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return ArrayArg(info, i, method, UnwrapSslCertificate, "an array of native QSslCertificates");
}

Napi::Function InitSslCertificate(Napi::Env env, Module& m) { return SslCertificateWrap::Init(env, m); }

}  // namespace qtn
