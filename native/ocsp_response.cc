// QOcspResponse: the status, the reason, the certificates and equality are Qt's own;
// lib/QOcspResponse.ts checks arguments and names.
#include "ocsp_response.h"

#include <QSslCertificate>

#include "ssl_certificate.h"

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
                                     Bind<&W::Certificate<&C::responder>>(env, "responder"),
                                     Bind<&W::Certificate<&C::subject>>(env, "subject"),
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

 private:
  // responder() · subject(): a copy of the certificate (a null one in an empty response).
  template <QSslCertificate (QOcspResponse::*G)() const>
  Napi::Value Certificate(const Napi::CallbackInfo& info) {
    return NewSslCertificate(info.Env(), (value.*G)());
  }
};

}  // namespace

Napi::Object NewOcspResponse(Napi::Env env, const QOcspResponse& r) {
  return OcspResponseWrap::New(Module::of(env).ocspResponseCtor, r);
}

Napi::Function InitOcspResponse(Napi::Env env, Module& m) { return OcspResponseWrap::Init(env, m); }

}  // namespace qtn
