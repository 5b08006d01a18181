// QNetworkCacheMetaData: validity and equality are Qt's own; lib/QNetworkCacheMetaData.ts checks
// arguments and names, and turns the attribute pairs given here into PyQt6's dict (a Map).
#include "network_cache_meta_data.h"

#include "url.h"

namespace qtn {

namespace {

class NetworkCacheMetaDataWrap : public ValueWrap<NetworkCacheMetaDataWrap, QNetworkCacheMetaData> {
 public:
  static constexpr const char* kName = "QNetworkCacheMetaData";
  static constexpr napi_type_tag kTag = {0x5be0937c2a1f84d6ULL, 0xe41d6a08f3c92b75ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = NetworkCacheMetaDataWrap;
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&W::Get<&QNetworkCacheMetaData::isValid>>(env, "isValid"),
                                     Bind<&W::Url>(env, "url"),
                                     Bind<&W::SetUrl>(env, "setUrl"),
                                     Bind<&W::RawHeaders>(env, "rawHeaders"),
                                     Bind<&W::SetRawHeaders>(env, "setRawHeaders"),
                                     Bind<&W::LastModified>(env, "lastModified"),
                                     Bind<&W::SetLastModified>(env, "setLastModified"),
                                     Bind<&W::ExpirationDate>(env, "expirationDate"),
                                     Bind<&W::SetExpirationDate>(env, "setExpirationDate"),
                                     Bind<&W::Get<&QNetworkCacheMetaData::saveToDisk>>(env, "saveToDisk"),
                                     Bind<&W::SetSaveToDisk>(env, "setSaveToDisk"),
                                     Bind<&W::Attributes>(env, "attributes"),
                                     Bind<&W::SetAttributes>(env, "setAttributes"),
                                     Bind<&W::Swap>(env, "swap"),
                                     Bind<&W::Equals>(env, "equals"),
                                 });
    m.networkCacheMetaDataCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QNetworkCacheMetaData() · (other): a copy.
  explicit NetworkCacheMetaDataWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1)
      value = Other(info, 0, kName);
    else if (info.Length() != 0)
      throw Napi::TypeError::New(info.Env(), "QNetworkCacheMetaData: 0 or 1 arguments expected");
  }

 private:
  // Argument i as an array of two-item arrays (what lib/ makes of a header list or a Map).
  static Napi::Array Pairs(const Napi::CallbackInfo& info, size_t i, const char* what) {
    if (!info[i].IsArray()) throw ArgTypeError(info.Env(), i, Method(info), what);
    Napi::Array a = info[i].As<Napi::Array>();
    for (uint32_t k = 0; k < a.Length(); k++) {
      Napi::Value p = a.Get(k);
      if (!p.IsArray() || p.As<Napi::Array>().Length() != 2) throw ArgTypeError(info.Env(), i, Method(info), what);
    }
    return a;
  }

  Napi::Value Url(const Napi::CallbackInfo& info) { return NewUrl(info.Env(), value.url()); }

  Napi::Value SetUrl(const Napi::CallbackInfo& info) {
    const QUrl* u = UnwrapUrl(info[0]);
    if (!u) throw ArgTypeError(info.Env(), 0, Method(info), "a native QUrl");
    value.setUrl(*u);
    return info.Env().Undefined();
  }

  Napi::Value RawHeaders(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.rawHeaders(), [](Napi::Env env, const QNetworkCacheMetaData::RawHeader& h) {
      Napi::Array p = Napi::Array::New(env, 2);
      p.Set(uint32_t(0), FromQByteArray(env, h.first));
      p.Set(uint32_t(1), FromQByteArray(env, h.second));
      return p;
    });
  }

  // [[name, value], ...] with Buffers (the TS layer made them).
  Napi::Value SetRawHeaders(const Napi::CallbackInfo& info) {
    const char* what = "an array of [Buffer, Buffer] pairs";
    Napi::Array a = Pairs(info, 0, what);
    QNetworkCacheMetaData::RawHeaderList list;
    for (uint32_t k = 0; k < a.Length(); k++) {
      Napi::Array p = a.Get(k).As<Napi::Array>();
      Napi::Value name = p.Get(uint32_t(0)), v = p.Get(uint32_t(1));
      if (!name.IsBuffer() || !v.IsBuffer()) throw ArgTypeError(info.Env(), 0, Method(info), what);
      auto n = name.As<Napi::Buffer<char>>(), b = v.As<Napi::Buffer<char>>();
      list.append({QByteArray(n.Data(), qsizetype(n.Length())), QByteArray(b.Data(), qsizetype(b.Length()))});
    }
    value.setRawHeaders(list);
    return info.Env().Undefined();
  }

  Napi::Value LastModified(const Napi::CallbackInfo& info) { return FromDateTime(info.Env(), value.lastModified()); }

  Napi::Value SetLastModified(const Napi::CallbackInfo& info) {
    value.setLastModified(DateArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value ExpirationDate(const Napi::CallbackInfo& info) {
    return FromDateTime(info.Env(), value.expirationDate());
  }

  Napi::Value SetExpirationDate(const Napi::CallbackInfo& info) {
    value.setExpirationDate(DateArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value SetSaveToDisk(const Napi::CallbackInfo& info) {
    value.setSaveToDisk(BoolArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  // [[code, value], ...], in Qt's hash order (the TS layer sorts them).
  Napi::Value Attributes(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const QNetworkCacheMetaData::AttributesMap map = value.attributes();
    Napi::Array a = Napi::Array::New(env, size_t(map.size()));
    uint32_t k = 0;
    for (auto it = map.cbegin(); it != map.cend(); ++it, ++k) {
      Napi::Array p = Napi::Array::New(env, 2);
      p.Set(uint32_t(0), Napi::Number::New(env, double(it.key())));
      p.Set(uint32_t(1), FromVariant(env, it.value(), Method(info)));
      a.Set(k, p);
    }
    return a;
  }

  // [[code, value], ...]: each value as setAttribute takes one (value_wrap.h VariantArg).
  Napi::Value SetAttributes(const Napi::CallbackInfo& info) {
    const char* what = "an array of [attribute, value] pairs";
    Napi::Array a = Pairs(info, 0, what);
    QNetworkCacheMetaData::AttributesMap map;
    for (uint32_t k = 0; k < a.Length(); k++) {
      Napi::Array p = a.Get(k).As<Napi::Array>();
      Napi::Value code = p.Get(uint32_t(0));
      if (!code.IsNumber()) throw ArgTypeError(info.Env(), 0, Method(info), what);
      double c = code.As<Napi::Number>().DoubleValue();
      if (!(c >= 0 && c <= QNetworkRequest::UserMax) || c != double(int(c)))
        throw Napi::RangeError::New(info.Env(),
                                    std::string(Method(info)) + ": argument 1 has an attribute out of range");
      map.insert(QNetworkRequest::Attribute(int(c)), VariantOf(p.Get(uint32_t(1)), 0, Method(info)));
    }
    value.setAttributes(map);
    return info.Env().Undefined();
  }
};

}  // namespace

const QNetworkCacheMetaData* UnwrapNetworkCacheMetaData(Napi::Value v) { return NetworkCacheMetaDataWrap::ValueOf(v); }

Napi::Object NewNetworkCacheMetaData(Napi::Env env, const QNetworkCacheMetaData& d) {
  return NetworkCacheMetaDataWrap::New(Module::of(env).networkCacheMetaDataCtor, d);
}

Napi::Function InitNetworkCacheMetaData(Napi::Env env, Module& m) { return NetworkCacheMetaDataWrap::Init(env, m); }

}  // namespace qtn
