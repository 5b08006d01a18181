// QPasswordDigestor: Qt's PBKDF1 and PBKDF2 (what they refuse, an empty result, included);
// lib/QPasswordDigestor.ts checks arguments and names.
#include <QCryptographicHash>
#include <QPasswordDigestor>

#include <cstdint>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

namespace {

using Derive = QByteArray (*)(QCryptographicHash::Algorithm, const QByteArray&, const QByteArray&, int, quint64);

// (algorithm, password, salt, iterations, dkLen): the derived key, as bytes.
template <Derive F>
Napi::Value DeriveKey(const Napi::CallbackInfo& info) {
  const char* method = static_cast<const char*>(info.Data());
  return Guard(info.Env(), "QPasswordDigestor", [&]() -> Napi::Value {
    auto algorithm = QCryptographicHash::Algorithm(IntArg(info, 0, 0, QCryptographicHash::Blake2s_256, method));
    QByteArray password = BytesArg(info, 1, method);
    QByteArray salt = BytesArg(info, 2, method);
    int iterations = int(IntArg(info, 3, INT32_MIN, INT32_MAX, method));
    // A double holds integers exactly up to 2^53: the TS layer takes no more.
    auto dkLen = quint64(IntArg(info, 4, 0, int64_t(1) << 53, method));
    return FromQByteArray(info.Env(), F(algorithm, password, salt, iterations, dkLen));
  });
}

}  // namespace

Napi::Object InitPasswordDigestor(Napi::Env env, Module&) {
  Napi::Object o = Napi::Object::New(env);
  static char pbkdf1[] = "QPasswordDigestor.deriveKeyPbkdf1";
  static char pbkdf2[] = "QPasswordDigestor.deriveKeyPbkdf2";
  o.Set("deriveKeyPbkdf1",
        Napi::Function::New<DeriveKey<&QPasswordDigestor::deriveKeyPbkdf1>>(env, "deriveKeyPbkdf1", pbkdf1));
  o.Set("deriveKeyPbkdf2",
        Napi::Function::New<DeriveKey<&QPasswordDigestor::deriveKeyPbkdf2>>(env, "deriveKeyPbkdf2", pbkdf2));
  return o;
}

}  // namespace qtn
