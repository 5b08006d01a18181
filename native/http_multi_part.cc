// QHttpMultiPart on the Qt side: lib/QHttpMultiPart.ts keeps the content type, boundary and parts;
// a post/put/sendCustomRequest makes Qt's own QHttpMultiPart from them (and a QBuffer for each body
// device), so that the bytes on the wire and the Content-Type header with the boundary are Qt's.
#include "http_multi_part.h"

#include <QBuffer>
#include <QNetworkReply>

namespace qtn {

namespace {

DeviceBody DeviceOf(Napi::Value v, size_t i, const char* method) {
  Napi::Array a = v.As<Napi::Array>();
  if (a.Length() != 3 || !a.Get(0u).IsBuffer() || !a.Get(1u).IsNumber() || !a.Get(2u).IsNumber())
    throw ArgTypeError(v.Env(), i, method, "[bytes, openMode, pos] of a QBuffer");
  Napi::Buffer<char> data = a.Get(0u).As<Napi::Buffer<char>>();
  DeviceBody d;
  d.data = QByteArray(data.Data(), qsizetype(data.Length()));
  // Truncate and Append already did their work on the JS buffer: opening again must not redo it.
  d.mode = QIODevice::OpenMode(a.Get(1u).As<Napi::Number>().Int32Value()) &
           (QIODevice::ReadWrite | QIODevice::Text | QIODevice::Unbuffered);
  d.pos = a.Get(2u).As<Napi::Number>().Int64Value();
  return d;
}

// A QBuffer in the state of the JS one: Qt reads it from there (a closed one from 0).
QBuffer* MakeDevice(const DeviceBody& d, QObject* parent) {
  auto* b = new QBuffer(parent);
  b->setData(d.data);
  if (d.mode != QIODevice::NotOpen && b->open(d.mode)) b->seek(d.pos);
  return b;
}

}  // namespace

RequestBody RequestBodyArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  Napi::Env env = info.Env();
  Napi::Value v = info[i];
  RequestBody body;
  if (v.IsNull() || v.IsUndefined()) return body;
  if (v.IsBoolean() && v.As<Napi::Boolean>().Value()) {
    body.kind = RequestBody::kStream;
    return body;
  }
  if (v.IsBuffer() || v.IsTypedArray() || v.IsString()) {
    body.kind = RequestBody::kBytes;
    body.bytes = BytesArg(info, i, method);
  } else if (v.IsArray()) {
    body.kind = RequestBody::kDevice;
    body.device = DeviceOf(v, i, method);
  } else if (v.IsObject()) {
    Napi::Object o = v.As<Napi::Object>();
    Napi::Value type = o.Get("contentType"), boundary = o.Get("boundary"), parts = o.Get("parts"),
                devices = o.Get("devices");
    if (!type.IsNumber() || !boundary.IsBuffer() || !parts.IsArray() || !devices.IsArray() ||
        parts.As<Napi::Array>().Length() != devices.As<Napi::Array>().Length())
      throw ArgTypeError(env, i, method, "a multipart body {contentType, boundary, parts, devices}");
    int t = type.As<Napi::Number>().Int32Value();
    if (t < QHttpMultiPart::MixedType || t > QHttpMultiPart::AlternativeType)
      throw Napi::RangeError::New(env, std::string(method) + ": multipart content type out of range");
    body.kind = RequestBody::kMultiPart;
    body.contentType = QHttpMultiPart::ContentType(t);
    Napi::Buffer<char> b = boundary.As<Napi::Buffer<char>>();
    body.boundary = QByteArray(b.Data(), qsizetype(b.Length()));
    Napi::Array p = parts.As<Napi::Array>(), d = devices.As<Napi::Array>();
    for (uint32_t k = 0; k < p.Length(); k++) {
      const QHttpPart* part = UnwrapHttpPart(p.Get(k));
      if (!part) throw ArgTypeError(env, i, method, "a multipart body whose parts are native QHttpParts");
      body.parts.append(*part);
      Napi::Value dev = d.Get(k);
      if (dev.IsNull())
        body.devices.emplace_back();
      else if (dev.IsArray())
        body.devices.emplace_back(DeviceOf(dev, i, method));
      else
        throw ArgTypeError(env, i, method, "a multipart body whose devices are [bytes, openMode, pos] or null");
    }
  } else {
    throw ArgTypeError(env, i, method, "null, bytes, a QBuffer's state, a multipart body or true (streamed)");
  }
  return body;
}

QNetworkReply* SendWithBody(QNetworkAccessManager* m, QNetworkAccessManager::Operation op,
                            const QNetworkRequest& request, const QByteArray& verb, const RequestBody& body) {
  auto send = [&](auto data) -> QNetworkReply* {
    if (op == QNetworkAccessManager::PutOperation) return m->put(request, data);
    if (op == QNetworkAccessManager::PostOperation) return m->post(request, data);
    return m->sendCustomRequest(request, verb, data);
  };
  switch (body.kind) {
    case RequestBody::kBytes:
      return send(body.bytes);
    case RequestBody::kDevice:
    case RequestBody::kStream: {
      QIODevice* device = body.kind == RequestBody::kStream ? body.streamDevice : MakeDevice(body.device, nullptr);
      QNetworkReply* r = send(device);
      device->setParent(r);
      return r;
    }
    case RequestBody::kMultiPart: {
      auto* multiPart = new QHttpMultiPart(body.contentType);
      multiPart->setBoundary(body.boundary);
      for (qsizetype k = 0; k < body.parts.size(); k++) {
        QHttpPart part = body.parts[k];
        if (const auto& d = body.devices[size_t(k)]) part.setBodyDevice(MakeDevice(*d, multiPart));
        multiPart->append(part);
      }
      QNetworkReply* r = send(multiPart);
      multiPart->setParent(r);
      return r;
    }
    default:
      return send(static_cast<QIODevice*>(nullptr));
  }
}

}  // namespace qtn
