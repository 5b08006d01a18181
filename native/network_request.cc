#include "network_request.h"

#include "http2_configuration.h"
#include "ssl_configuration.h"
#include "url.h"

namespace qtn {

namespace {

class NetworkRequestWrap : public ValueWrap<NetworkRequestWrap, QNetworkRequest> {
 public:
  static constexpr const char* kName = "QNetworkRequest";
  static constexpr napi_type_tag kTag = {0x6c1f0a93b27e4d15ULL, 0x9e4b7d2a1f08c36bULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(
        env, {},
        {
            Bind<&NetworkRequestWrap::Url>(env, "url"),
            Bind<&NetworkRequestWrap::SetUrl>(env, "setUrl"),
            Bind<&NetworkRequestWrap::HasRawHeader>(env, "hasRawHeader"),
            Bind<&NetworkRequestWrap::RawHeader>(env, "rawHeader"),
            Bind<&NetworkRequestWrap::RawHeaderList>(env, "rawHeaderList"),
            Bind<&NetworkRequestWrap::SetRawHeader>(env, "setRawHeader"),
            Bind<&NetworkRequestWrap::Header>(env, "header"),
            Bind<&NetworkRequestWrap::SetHeader>(env, "setHeader"),
            Bind<&NetworkRequestWrap::Attribute>(env, "attribute"),
            Bind<&NetworkRequestWrap::SetAttribute>(env, "setAttribute"),
            Bind<&NetworkRequestWrap::Get<&QNetworkRequest::priority>>(env, "priority"),
            Bind<&NetworkRequestWrap::SetInt<&QNetworkRequest::setPriority, QNetworkRequest::HighPriority,
                                             QNetworkRequest::LowPriority>>(env, "setPriority"),
            Bind<&NetworkRequestWrap::Get<&QNetworkRequest::maximumRedirectsAllowed>>(env, "maximumRedirectsAllowed"),
            Bind<&NetworkRequestWrap::SetInt<&QNetworkRequest::setMaximumRedirectsAllowed, INT32_MIN, INT32_MAX>>(
                env, "setMaximumRedirectsAllowed"),
            Bind<&NetworkRequestWrap::Get<&QNetworkRequest::transferTimeout>>(env, "transferTimeout"),
            Bind<&NetworkRequestWrap::SetInt<&QNetworkRequest::setTransferTimeout, INT32_MIN, INT32_MAX>>(
                env, "setTransferTimeout"),
            Bind<&NetworkRequestWrap::Get<&QNetworkRequest::decompressedSafetyCheckThreshold>>(
                env, "decompressedSafetyCheckThreshold"),
            Bind<&NetworkRequestWrap::SetInt<&QNetworkRequest::setDecompressedSafetyCheckThreshold, -(int64_t(1) << 53),
                                             int64_t(1) << 53>>(env, "setDecompressedSafetyCheckThreshold"),
            Bind<&NetworkRequestWrap::Http2Configuration>(env, "http2Configuration"),
            Bind<&NetworkRequestWrap::SetHttp2Configuration>(env, "setHttp2Configuration"),
            Bind<&NetworkRequestWrap::SslConfiguration>(env, "sslConfiguration"),
            Bind<&NetworkRequestWrap::SetSslConfiguration>(env, "setSslConfiguration"),
            Bind<&NetworkRequestWrap::PeerVerifyName>(env, "peerVerifyName"),
            Bind<&NetworkRequestWrap::SetPeerVerifyName>(env, "setPeerVerifyName"),
            Bind<&NetworkRequestWrap::Swap>(env, "swap"),
            Bind<&NetworkRequestWrap::Equals>(env, "equals"),
        });
    m.networkRequestCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QNetworkRequest() · (native QUrl) · (url string, parsed as QUrl(url) in tolerant mode:
  // no QUrl wrapper made per request only to be dropped) · (other QNetworkRequest): a copy.
  explicit NetworkRequestWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      if (info[0].IsString())
        value = QNetworkRequest(QUrl(ToQString(info[0]), QUrl::TolerantMode));
      else if (const QUrl* u = UnwrapUrl(info[0]))
        value = QNetworkRequest(*u);
      else
        value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QNetworkRequest: 0 or 1 arguments expected");
    }
  }

 private:
  static QNetworkRequest::KnownHeaders KnownHeader(const Napi::CallbackInfo& info, const char* method) {
    return QNetworkRequest::KnownHeaders(
        IntArg(info, 0, QNetworkRequest::ContentTypeHeader, QNetworkRequest::IfNoneMatchHeader, method));
  }
  static QNetworkRequest::Attribute Code(const Napi::CallbackInfo& info, const char* method) {
    return QNetworkRequest::Attribute(IntArg(info, 0, 0, QNetworkRequest::UserMax, method));
  }

  Napi::Value Url(const Napi::CallbackInfo& info) { return NewUrl(info.Env(), value.url()); }

  Napi::Value SetUrl(const Napi::CallbackInfo& info) {
    const QUrl* u = UnwrapUrl(info[0]);
    if (!u) throw ArgTypeError(info.Env(), 0, Method(info), "a native QUrl");
    value.setUrl(*u);
    return info.Env().Undefined();
  }

  Napi::Value HasRawHeader(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), value.hasRawHeader(BytesArg(info, 0, Method(info))));
  }

  Napi::Value RawHeader(const Napi::CallbackInfo& info) {
    return FromQByteArray(info.Env(), value.rawHeader(BytesArg(info, 0, Method(info))));
  }

  Napi::Value RawHeaderList(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.rawHeaderList(), FromQByteArray);
  }

  // A null value is PyQt6's QByteArray(), with which Qt removes the header.
  Napi::Value SetRawHeader(const Napi::CallbackInfo& info) {
    QByteArray v = info[1].IsNull() ? QByteArray() : BytesArg(info, 1, Method(info));
    value.setRawHeader(BytesArg(info, 0, Method(info)), v);
    return info.Env().Undefined();
  }

  Napi::Value Header(const Napi::CallbackInfo& info) {
    return FromVariant(info.Env(), value.header(KnownHeader(info, Method(info))), Method(info));
  }

  Napi::Value SetHeader(const Napi::CallbackInfo& info) {
    value.setHeader(KnownHeader(info, Method(info)), VariantArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value Attribute(const Napi::CallbackInfo& info) {
    return FromVariant(info.Env(), value.attribute(Code(info, Method(info))), Method(info));
  }

  Napi::Value SetAttribute(const Napi::CallbackInfo& info) {
    value.setAttribute(Code(info, Method(info)), VariantArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value Http2Configuration(const Napi::CallbackInfo& info) {
    return NewHttp2Configuration(info.Env(), value.http2Configuration());
  }

  Napi::Value SetHttp2Configuration(const Napi::CallbackInfo& info) {
    const QHttp2Configuration* c = UnwrapHttp2Configuration(info[0]);
    if (!c) throw ArgTypeError(info.Env(), 0, Method(info), "a native QHttp2Configuration");
    value.setHttp2Configuration(*c);
    return info.Env().Undefined();
  }

  Napi::Value SslConfiguration(const Napi::CallbackInfo& info) {
    return NewSslConfiguration(info.Env(), value.sslConfiguration());
  }

  Napi::Value SetSslConfiguration(const Napi::CallbackInfo& info) {
    const QSslConfiguration* c = UnwrapSslConfiguration(info[0]);
    if (!c) throw ArgTypeError(info.Env(), 0, Method(info), "a native QSslConfiguration");
    value.setSslConfiguration(*c);
    return info.Env().Undefined();
  }

  Napi::Value PeerVerifyName(const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(), value.peerVerifyName().toStdString());
  }

  Napi::Value SetPeerVerifyName(const Napi::CallbackInfo& info) {
    value.setPeerVerifyName(StringArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

const QNetworkRequest* UnwrapNetworkRequest(Napi::Value v) { return NetworkRequestWrap::ValueOf(v); }

Napi::Object NewNetworkRequest(Napi::Env env, const QNetworkRequest& r) {
  return NetworkRequestWrap::New(Module::of(env).networkRequestCtor, r);
}

Napi::Function InitNetworkRequest(Napi::Env env, Module& m) { return NetworkRequestWrap::Init(env, m); }

}  // namespace qtn
