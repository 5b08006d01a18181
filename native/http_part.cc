// QHttpPart: a value class used on the JS thread directly (Qt's QHttpPart is implicitly shared and
// reentrant). Its body device stays on the JS side (lib/QHttpPart.ts): the part Qt sends is
// assembled where the manager runs (native/http_multi_part.cc).
#include "http_multi_part.h"

#include <QNetworkRequest>

namespace qtn {

namespace {

class HttpPartWrap : public ValueWrap<HttpPartWrap, QHttpPart> {
 public:
  static constexpr const char* kName = "QHttpPart";
  static constexpr napi_type_tag kTag = {0x6c1e93b0a8d24f71ULL, 0x9e27d4c5b1a03f68ULL};

  static Napi::Function Init(Napi::Env env, Module&) {
    return Define(env, {},
                  {
                      Bind<&HttpPartWrap::SetBody>(env, "setBody"),
                      Bind<&HttpPartWrap::SetHeader>(env, "setHeader"),
                      Bind<&HttpPartWrap::SetRawHeader>(env, "setRawHeader"),
                      Bind<&HttpPartWrap::Swap>(env, "swap"),
                      Bind<&HttpPartWrap::Equals>(env, "equals"),
                  });
  }

  // new QHttpPart() · (other QHttpPart): a copy.
  explicit HttpPartWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QHttpPart: 0 or 1 (a native QHttpPart) arguments expected");
    }
  }

 private:
  Napi::Value SetBody(const Napi::CallbackInfo& info) {
    value.setBody(BytesArg(info, 0, Method(info)));
    return info.Env().Undefined();
  }

  // Qt turns the value into the header's text, as for a request.
  Napi::Value SetHeader(const Napi::CallbackInfo& info) {
    auto h = QNetworkRequest::KnownHeaders(
        IntArg(info, 0, QNetworkRequest::ContentTypeHeader, QNetworkRequest::IfNoneMatchHeader, Method(info)));
    value.setHeader(h, VariantArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value SetRawHeader(const Napi::CallbackInfo& info) {
    value.setRawHeader(BytesArg(info, 0, Method(info)), BytesArg(info, 1, Method(info)));
    return info.Env().Undefined();
  }
};

}  // namespace

const QHttpPart* UnwrapHttpPart(Napi::Value v) { return HttpPartWrap::ValueOf(v); }

Napi::Function InitHttpPart(Napi::Env env, Module& m) { return HttpPartWrap::Init(env, m); }

}  // namespace qtn
