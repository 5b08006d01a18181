// QTcpSocket: everything but how it is made is QAbstractSocket's (native/abstract_socket.cc).
#include "tcp_socket.h"

#include <QTcpSocket>

#include "ssl_socket.h"

namespace qtn {

namespace {

class TcpSocketCore : public AbstractSocketCore {
 public:
  using AbstractSocketCore::AbstractSocketCore;
  void create() override { adopt(new Counted<QTcpSocket>()); }
  napi_value wrap(napi_env env) override;
};

class QTcpSocketWrap : public AbstractSocketWrap<QTcpSocketWrap> {
 public:
  static constexpr const char* kName = "QTcpSocket";
  static constexpr napi_type_tag kTag = {0x51c0e7a2d94b4f13ULL, 0xa7e2f60b38c5d914ULL};

  using AbstractSocketWrap::AbstractSocketWrap;

  static std::shared_ptr<AbstractSocketCore> NewCore(std::shared_ptr<Runtime> channel) {
    return std::make_shared<TcpSocketCore>(std::move(channel));
  }

  static Napi::Function Init(Napi::Env env, Module& m) { return DefineHandleClass(env, m, SocketMethods()); }
};

napi_value TcpSocketCore::wrap(napi_env env) {
  return QTcpSocketWrap::Wrap(env, std::static_pointer_cast<AbstractSocketCore>(shared_from_this()));
}

const bool registered = RegisterHandleClass(QTcpSocketWrap::kName, &QTcpSocketWrap::Init);

}  // namespace

std::shared_ptr<AbstractSocketCore> NewAcceptedTcpSocket(std::shared_ptr<Runtime> channel, QAbstractSocket* socket) {
  auto core = std::make_shared<TcpSocketCore>(std::move(channel));
  core->adopt(socket);
  return core;
}

std::shared_ptr<AbstractSocketCore> TcpSocketCoreOf(Napi::Value v) {
  if (auto core = QTcpSocketWrap::CoreOf(v)) return core;
  return SslSocketCoreOf(v);  // a QSslSocket is a QTcpSocket
}

}  // namespace qtn
