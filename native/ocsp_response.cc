// QOcspResponse: the status, the reason and equality are Qt's own; lib/QOcspResponse.ts checks
// arguments and names.
#include "ocsp_response.h"

namespace qtn {

namespace {

class OcspResponseWrap : public ValueWrap<OcspResponseWrap, QOcspResponse> {
 public:
  static constexpr const char* kName = "QOcspResponse";
  static constexpr napi_type_tag kTag = {0xe47a0b95d1c3628fULL, 0x5c13f8a2b7e04d96ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    using W = OcspResponseWrap;
    using C = QOcspResponse;
    Napi::Function ctor = Define(env, {},
                                 {
                                     Bind<&W::Get<&C::certificateStatus>>(env, "certificateStatus"),
                                     Bind<&W::Get<&C::revocationReason>>(env, "revocationReason"),
                                     Bind<&W::Swap>(env, "swap"),
                                     Bind<&W::Equals>(env, "equals"),
                                 });
    m.ocspResponseCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QOcspResponse() · (other): a copy.
  explicit OcspResponseWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1) {
      value = Other(info, 0, kName);
    } else if (info.Length() != 0) {
      throw Napi::TypeError::New(info.Env(), "QOcspResponse: 0 or 1 arguments expected");
    }
  }
};

}  // namespace

Napi::Object NewOcspResponse(Napi::Env env, const QOcspResponse& r) {
  return OcspResponseWrap::New(Module::of(env).ocspResponseCtor, r);
}

Napi::Function InitOcspResponse(Napi::Env env, Module& m) { return OcspResponseWrap::Init(env, m); }

}  // namespace qtn
