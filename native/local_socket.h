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
  using Snapshot = StreamSnapshot<LocalSocketCore>;

 protected:
  void pushDestroyed() override { push(protocol::SocketEvent::kDestroyed); }
};

}  // namespace qtn
