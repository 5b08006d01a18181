// QLocalSocket: a stream handle (native/io_device.h) holding a QLocalSocket; lib/QLocalSocket.ts
// mirrors it.
#pragma once

#include <QLocalSocket>

#include <memory>
#include <string>
#include <vector>

#include "io_device.h"

namespace qtn {

class LocalSocketCore : public StreamHandle<QLocalSocket> {
 public:
  using StreamHandle::StreamHandle;

  void create() override;
  // Qt side: take `s` (made by create(), or accepted by a server) and forward its signals.
  void adopt(QLocalSocket* s);
  napi_value wrap(napi_env env) override;

  // server name, full server name, socket options (as a number).
  std::vector<std::string> endpoint() const override;

  // A sync call's answer (protocol.h LocalSocketSnapshot).
  struct Snapshot {
    double seq = 0;
    int32_t state = 0, openMode = 0, error = -1;
    std::string errorString = "Unknown error";
    double bytesToWrite = 0, taken = 0;
    std::vector<std::string> endpoint;
    void take(const LocalSocketCore& c);
    Napi::Array toJs(Napi::Env env, Napi::Value result) const;
  };

 protected:
  void pushDestroyed() override { push(protocol::SocketEvent::kDestroyed); }
};

}  // namespace qtn
