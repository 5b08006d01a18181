#include "network_proxy_query.h"

#include <QUrl>

#include "url.h"

namespace qtn {

namespace {

// Qt takes an int for the peer and local ports, -1 meaning none; a bind port is a quint16.
constexpr int64_t kNoPort = -1;

class NetworkProxyQueryWrap : public ValueWrap<NetworkProxyQueryWrap, QNetworkProxyQuery> {
 public:
  static constexpr const char* kName = "QNetworkProxyQuery";
  static constexpr napi_type_tag kTag = {0xc20f7b3e81d54a96ULL, 0x6b93e1d04f7a2c58ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(
        env, {},
        {
            Bind<&NetworkProxyQueryWrap::Get<&QNetworkProxyQuery::queryType>>(env, "queryType"),
            Bind<&NetworkProxyQueryWrap::SetQueryType>(env, "setQueryType"),
            Bind<&NetworkProxyQueryWrap::Get<&QNetworkProxyQuery::peerHostName>>(env, "peerHostName"),
            Bind<&NetworkProxyQueryWrap::SetString<&QNetworkProxyQuery::setPeerHostName>>(env, "setPeerHostName"),
            Bind<&NetworkProxyQueryWrap::Get<&QNetworkProxyQuery::peerPort>>(env, "peerPort"),
            Bind<&NetworkProxyQueryWrap::SetInt<&QNetworkProxyQuery::setPeerPort, kNoPort, kPortMax>>(env,
                                                                                                      "setPeerPort"),
            Bind<&NetworkProxyQueryWrap::Get<&QNetworkProxyQuery::localPort>>(env, "localPort"),
            Bind<&NetworkProxyQueryWrap::SetInt<&QNetworkProxyQuery::setLocalPort, kNoPort, kPortMax>>(env,
                                                                                                       "setLocalPort"),
            Bind<&NetworkProxyQueryWrap::Get<&QNetworkProxyQuery::protocolTag>>(env, "protocolTag"),
            Bind<&NetworkProxyQueryWrap::SetString<&QNetworkProxyQuery::setProtocolTag>>(env, "setProtocolTag"),
            Bind<&NetworkProxyQueryWrap::Url>(env, "url"),
            Bind<&NetworkProxyQueryWrap::SetUrl>(env, "setUrl"),
            Bind<&NetworkProxyQueryWrap::UrlWithoutPassword>(env, "urlWithoutPassword"),
            Bind<&NetworkProxyQueryWrap::Swap>(env, "swap"),
            Bind<&NetworkProxyQueryWrap::Equals>(env, "equals"),
        });
    m.networkProxyQueryCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // Qt's constructors, told apart by arity (the TS layer passes every argument):
  // () · (other) · (url, type) · (bindPort, protocolTag, type) · (hostname, port, protocolTag, type).
  explicit NetworkProxyQueryWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    switch (info.Length()) {
      case 0:
        break;
      case 1:
        value = Other(info, 0, kName);
        break;
      case 2:
        value = QNetworkProxyQuery(UrlArg(info, 0, kName), Type(info, 1, kName));
        break;
      case 3:
        value = QNetworkProxyQuery(quint16(IntArg(info, 0, 0, kPortMax, kName)), StringArg(info, 1, kName),
                                   Type(info, 2, kName));
        break;
      case 4:
        value = QNetworkProxyQuery(StringArg(info, 0, kName), int(IntArg(info, 1, kNoPort, kPortMax, kName)),
                                   StringArg(info, 2, kName), Type(info, 3, kName));
        break;
      default:
        throw Napi::TypeError::New(info.Env(), "QNetworkProxyQuery: 0 to 4 arguments expected");
    }
  }

 private:
  static QNetworkProxyQuery::QueryType Type(const Napi::CallbackInfo& info, size_t i, const char* method) {
    return QNetworkProxyQuery::QueryType(
        IntArg(info, i, QNetworkProxyQuery::TcpSocket, QNetworkProxyQuery::SctpServer, method));
  }

  Napi::Value SetQueryType(const Napi::CallbackInfo& info) {
    value.setQueryType(Type(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  // A string (parsed in tolerant mode, as PyQt6's QUrl(str)) or a native QUrl.
  static QUrl UrlArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
    if (const QUrl* u = UnwrapUrl(info[i])) return *u;
    return QUrl(StringArg(info, i, method));
  }

  Napi::Value Url(const Napi::CallbackInfo& info) { return NewUrl(info.Env(), value.url()); }

  // For inspect and toJSON, which must not show a password a URL carries.
  Napi::Value UrlWithoutPassword(const Napi::CallbackInfo& info) {
    return FromQString(info.Env(), value.url().toString(QUrl::RemovePassword));
  }

  Napi::Value SetUrl(const Napi::CallbackInfo& info) {
    value.setUrl(UrlArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

const QNetworkProxyQuery* UnwrapNetworkProxyQuery(Napi::Value v) { return NetworkProxyQueryWrap::ValueOf(v); }

napi_value NewNetworkProxyQueryOrNull(napi_env env, const QNetworkProxyQuery& q) {
  Module* m = nullptr;
  if (napi_get_instance_data(env, reinterpret_cast<void**>(&m)) != napi_ok || !m) return nullptr;
  return NetworkProxyQueryWrap::NewOrNull(env, m->networkProxyQueryCtor, q);
}

Napi::Function InitNetworkProxyQuery(Napi::Env env, Module& m) { return NetworkProxyQueryWrap::Init(env, m); }

}  // namespace qtn
