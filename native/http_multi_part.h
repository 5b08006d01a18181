// Request bodies beyond bytes, as lib/QNetworkAccessManager.ts hands them to the reply's start():
// a QBuffer's state, or a QHttpMultiPart with its parts. Read from JS on the JS thread; the Qt
// objects (a QBuffer with the same bytes, open mode and position; Qt's own QHttpMultiPart) are
// made where the manager runs, so that Qt reads them exactly as it reads PyQt6's.
#pragma once

#include <napi.h>

#include <QHttpMultiPart>
#include <QHttpPart>
#include <QIODevice>
#include <QNetworkAccessManager>

#include <optional>
#include <vector>

#include "addon.h"
#include "value_wrap.h"

namespace qtn {

// The QHttpPart inside a JS native QHttpPart, or nullptr if v is not one (type tag).
const QHttpPart* UnwrapHttpPart(Napi::Value v);

// A JS QBuffer as Qt will read it: its bytes, open mode and position.
struct DeviceBody {
  QByteArray data;
  QIODevice::OpenMode mode;
  qint64 pos = 0;
};

struct RequestBody {
  // kStream: a body JS streams; the reply's core makes its device on the Qt side (streamDevice).
  enum Kind { kNone, kBytes, kDevice, kMultiPart, kStream } kind = kNone;
  QByteArray bytes;
  QIODevice* streamDevice = nullptr;
  DeviceBody device;
  // kMultiPart: Qt's content type, the boundary, the parts and each part's device, if any.
  QHttpMultiPart::ContentType contentType = QHttpMultiPart::MixedType;
  QByteArray boundary;
  QList<QHttpPart> parts;
  std::vector<std::optional<DeviceBody>> devices;
};

// Argument i: null (no body), bytes, [data, openMode, pos] (a QBuffer), {contentType, boundary,
// parts, devices} (a QHttpMultiPart) or true (a body JS streams); anything else is a TypeError.
RequestBody RequestBodyArg(const Napi::CallbackInfo& info, size_t i, const char* method);

// Qt side: m's reply for op (Put, Post or Custom with `verb`) with this body. The objects made for
// the body become the reply's children, so they live as long as Qt may read them.
QNetworkReply* SendWithBody(QNetworkAccessManager* m, QNetworkAccessManager::Operation op,
                            const QNetworkRequest& request, const QByteArray& verb, const RequestBody& body);

}  // namespace qtn
