// The system's OpenSSL, pinned to itself for the whole addon: every TLS class (QSslSocket, the
// certificate and key values, QNetworkAccessManager over HTTPS) goes through Qt's TLS backend, which
// loads it. A static initializer: it runs when Node loads the addon, before any of them.
#include <dlfcn.h>

namespace qtn {
namespace {

// Node exports the symbols of the OpenSSL it bundles, and the system's libssl and libcrypto, which
// Qt's TLS backend loads and calls through dlsym, would bind their own internal calls to Node's
// copy: Qt's verification callback then finds no error list ("Neither X509_STORE, nor SSL
// contains error list"), and a refused certificate is reported as "Error during SSL handshake: "
// with no sslErrors. Loaded first with RTLD_DEEPBIND, each binds to itself, and Qt's later dlopen
// gets that same copy. (AddressSanitizer refuses RTLD_DEEPBIND: not under it.)
[[maybe_unused]] const bool systemOpenSslPinned = [] {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#else
  void* crypto = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  void* ssl = dlopen("libssl.so.3", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  return crypto && ssl;
#endif
}();

}  // namespace
}  // namespace qtn
