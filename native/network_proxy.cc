#include "network_proxy.h"

#include <QNetworkRequest>

#include "network_proxy_factory.h"

namespace qtn {

namespace {

class NetworkProxyWrap : public ValueWrap<NetworkProxyWrap, QNetworkProxy> {
 public:
  static constexpr const char* kName = "QNetworkProxy";
  static constexpr napi_type_tag kTag = {0x3f6a91c2d40e4b58ULL, 0xa7d2e5b19c083f64ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        Define(env,
               {
                   StaticMethod<&NetworkProxyWrap::ApplicationProxy>("applicationProxy"),
                   StaticMethod<&NetworkProxyWrap::SetApplicationProxy>("setApplicationProxy"),
               },
               {
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::type>>(env, "type"),
                   Bind<&NetworkProxyWrap::SetInt<&QNetworkProxy::setType, QNetworkProxy::DefaultProxy,
                                                  QNetworkProxy::FtpCachingProxy>>(env, "setType"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::hostName>>(env, "hostName"),
                   Bind<&NetworkProxyWrap::SetString<&QNetworkProxy::setHostName>>(env, "setHostName"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::port>>(env, "port"),
                   Bind<&NetworkProxyWrap::SetInt<&QNetworkProxy::setPort, 0, kPortMax>>(env, "setPort"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::user>>(env, "user"),
                   Bind<&NetworkProxyWrap::SetString<&QNetworkProxy::setUser>>(env, "setUser"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::password>>(env, "password"),
                   Bind<&NetworkProxyWrap::SetString<&QNetworkProxy::setPassword>>(env, "setPassword"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::capabilities>>(env, "capabilities"),
                   Bind<&NetworkProxyWrap::SetCapabilities>(env, "setCapabilities"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::isCachingProxy>>(env, "isCachingProxy"),
                   Bind<&NetworkProxyWrap::Get<&QNetworkProxy::isTransparentProxy>>(env, "isTransparentProxy"),
                   Bind<&NetworkProxyWrap::HasRawHeader>(env, "hasRawHeader"),
                   Bind<&NetworkProxyWrap::RawHeader>(env, "rawHeader"),
                   Bind<&NetworkProxyWrap::RawHeaderList>(env, "rawHeaderList"),
                   Bind<&NetworkProxyWrap::SetRawHeader>(env, "setRawHeader"),
                   Bind<&NetworkProxyWrap::Header>(env, "header"),
                   Bind<&NetworkProxyWrap::SetHeader>(env, "setHeader"),
                   Bind<&NetworkProxyWrap::Swap>(env, "swap"),
                   Bind<&NetworkProxyWrap::Equals>(env, "equals"),
               });
    m.networkProxyCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QNetworkProxy() is Qt's default-constructed proxy (which == only another default-constructed
  // one), new QNetworkProxy(other) a copy, new QNetworkProxy(type, hostName, port, user, password)
  // Qt's constructor, which takes the capabilities Qt gives that type.
  explicit NetworkProxyWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() == 5) {
      value =
          QNetworkProxy(Type(info, 0, kName), StringArg(info, 1, kName), quint16(IntArg(info, 2, 0, kPortMax, kName)),
                        StringArg(info, 3, kName), StringArg(info, 4, kName));
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QNetworkProxy: 0, 1 or 5 arguments expected");
    }
  }

 private:
  static QNetworkProxy::ProxyType Type(const Napi::CallbackInfo& info, size_t i, const char* method) {
    return QNetworkProxy::ProxyType(
        IntArg(info, i, QNetworkProxy::DefaultProxy, QNetworkProxy::FtpCachingProxy, method));
  }

  static QNetworkRequest::KnownHeaders KnownHeader(const Napi::CallbackInfo& info, const char* method) {
    return QNetworkRequest::KnownHeaders(
        IntArg(info, 0, QNetworkRequest::ContentTypeHeader, QNetworkRequest::IfNoneMatchHeader, method));
  }

  static Napi::Value ApplicationProxy(const Napi::CallbackInfo& info) {
    return NewNetworkProxy(info.Env(), Guard(info.Env(), kName, [] { return QNetworkProxy::applicationProxy(); }));
  }

  // Qt's own global, which Qt's sockets on the Qt thread read under Qt's lock.
  static Napi::Value SetApplicationProxy(const Napi::CallbackInfo& info) {
    CheckNotInsideFactory(info.Env(), "QNetworkProxy.setApplicationProxy");
    const QNetworkProxy& p = Other(info, 0, "QNetworkProxy.setApplicationProxy");
    Guard(info.Env(), kName, [&] { QNetworkProxy::setApplicationProxy(p); });
    return info.Env().Undefined();
  }

  Napi::Value SetCapabilities(const Napi::CallbackInfo& info) {
    value.setCapabilities(QNetworkProxy::Capabilities::fromInt(int(IntArg(info, 0, 0, INT32_MAX, Method(info)))));
    return info.Env().Undefined();
  }

  // Qt 6.4's header readers dereference the private pointer, which a default-constructed proxy
  // does not have yet (PyQt6 crashes on QNetworkProxy().rawHeaderList()). Such a proxy is a
  // DefaultProxy, and for every type but the HTTP ones Qt answers "no headers": so do we. Only a
  // default-constructed proxy (or a copy of one) == QNetworkProxy().
  bool Unallocated() const { return value == QNetworkProxy(); }

  Napi::Value HasRawHeader(const Napi::CallbackInfo& info) {
    QByteArray name = BytesArg(info, 0, Method(info));
    return Napi::Boolean::New(info.Env(), !Unallocated() && value.hasRawHeader(name));
  }

  Napi::Value RawHeader(const Napi::CallbackInfo& info) {
    QByteArray name = BytesArg(info, 0, Method(info));
    return FromQByteArray(info.Env(), Unallocated() ? QByteArray() : value.rawHeader(name));
  }

  Napi::Value RawHeaderList(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const QList<QByteArray> names = Unallocated() ? QList<QByteArray>() : value.rawHeaderList();
    Napi::Array a = Napi::Array::New(env, size_t(names.size()));
    for (qsizetype k = 0; k < names.size(); k++) a.Set(uint32_t(k), FromQByteArray(env, names[k]));
    return a;
  }

  // A null value is PyQt6's QByteArray(), with which Qt removes the header.
  Napi::Value SetRawHeader(const Napi::CallbackInfo& info) {
    QByteArray v = info[1].IsNull() ? QByteArray() : BytesArg(info, 1, Method(info));
    value.setRawHeader(BytesArg(info, 0, Method(info)), v);
    return info.Env().Undefined();
  }

  Napi::Value Header(const Napi::CallbackInfo& info) {
    QNetworkRequest::KnownHeaders h = KnownHeader(info, Method(info));
    return FromVariant(info.Env(), Unallocated() ? QVariant() : value.header(h), Method(info));
  }

  Napi::Value SetHeader(const Napi::CallbackInfo& info) {
    value.setHeader(KnownHeader(info, Method(info)), VariantArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

const QNetworkProxy* UnwrapNetworkProxy(Napi::Value v) { return NetworkProxyWrap::ValueOf(v); }

Napi::Object NewNetworkProxy(Napi::Env env, const QNetworkProxy& p) {
  return NetworkProxyWrap::New(Module::of(env).networkProxyCtor, p);
}

napi_value NewNetworkProxyOrNull(napi_env env, const QNetworkProxy& p) {
  Module* m = nullptr;
  if (napi_get_instance_data(env, reinterpret_cast<void**>(&m)) != napi_ok || !m) return nullptr;
  return NetworkProxyWrap::NewOrNull(env, m->networkProxyCtor, p);
}

Napi::Function InitNetworkProxy(Napi::Env env, Module& m) { return NetworkProxyWrap::Init(env, m); }

}  // namespace qtn
