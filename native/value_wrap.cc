#include "value_wrap.h"

#include <QDateTime>
#include <QList>
#include <QNetworkCookie>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

#include <cmath>
#include <limits>

namespace qtn {

QString ToQString(Napi::Value v) {
  std::u16string s = v.As<Napi::String>().Utf16Value();
  return QString(reinterpret_cast<const QChar*>(s.data()), qsizetype(s.size()));
}

Napi::String FromQString(Napi::Env env, const QString& s) {
  return Napi::String::New(env, reinterpret_cast<const char16_t*>(s.utf16()), size_t(s.size()));
}

Napi::Buffer<char> FromQByteArray(Napi::Env env, const QByteArray& b) {
  return Napi::Buffer<char>::Copy(env, b.constData(), size_t(b.size()));
}

namespace {

std::string Where(size_t i, const char* method) { return std::string(method) + ": argument " + std::to_string(i + 1); }

}  // namespace

Napi::TypeError ArgTypeError(Napi::Env env, size_t i, const char* method, const std::string& what) {
  return Napi::TypeError::New(env, Where(i, method) + " must be " + what);
}

QString StringArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  if (!info[i].IsString()) throw ArgTypeError(info.Env(), i, method, "a string");
  return ToQString(info[i]);
}

int64_t IntArg(const Napi::CallbackInfo& info, size_t i, int64_t min, int64_t max, const char* method) {
  if (!info[i].IsNumber()) throw ArgTypeError(info.Env(), i, method, "an integer");
  double d = info[i].As<Napi::Number>().DoubleValue();
  if (!std::isfinite(d) || d != std::trunc(d)) throw ArgTypeError(info.Env(), i, method, "an integer");
  if (d < double(min) || d > double(max))
    throw Napi::RangeError::New(info.Env(),
                                Where(i, method) + " must be in " + std::to_string(min) + ".." + std::to_string(max));
  return int64_t(d);
}

bool BoolArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  if (!info[i].IsBoolean()) throw ArgTypeError(info.Env(), i, method, "a boolean");
  return info[i].As<Napi::Boolean>().Value();
}

QDateTime DateArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  if (info[i].IsNull() || info[i].IsUndefined()) return QDateTime();
  if (!info[i].IsDate()) throw ArgTypeError(info.Env(), i, method, "a Date or null");
  double ms = info[i].As<Napi::Date>().ValueOf();
  // A Date holds at most 8.64e15 ms either side of the epoch, well inside QDateTime's range.
  return std::isfinite(ms) ? QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC) : QDateTime();
}

Napi::Value FromDateTime(Napi::Env env, const QDateTime& t) {
  if (!t.isValid()) return env.Null();
  return Napi::Date::New(env, double(t.toMSecsSinceEpoch()));
}

namespace {

bool IsBytes(Napi::Value v) {
  return v.IsTypedArray() && v.As<Napi::TypedArray>().TypedArrayType() == napi_uint8_array;
}

// Never a null QByteArray (an empty Buffer's data may be nullptr): Qt treats null and empty
// differently, e.g. a null raw-header value removes the header, an empty one sets it empty.
QByteArray Bytes(Napi::Value v) {
  Napi::Uint8Array a = v.As<Napi::Uint8Array>();
  if (a.ByteLength() == 0) return QByteArray("");
  return QByteArray(reinterpret_cast<const char*>(a.Data()), qsizetype(a.ByteLength()));
}

}  // namespace

QByteArray BytesArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  Napi::Value v = info[i];
  if (IsBytes(v)) return Bytes(v);
  if (v.IsString()) return QByteArray::fromStdString(v.As<Napi::String>().Utf8Value());
  throw ArgTypeError(info.Env(), i, method, "a Buffer, Uint8Array or string");
}

QVariant VariantArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return VariantOf(info[i], i, method);
}

QVariant VariantOf(Napi::Value v, size_t i, const char* method) {
  if (v.IsNull() || v.IsUndefined()) return QVariant();
  if (v.IsBoolean()) return QVariant(v.As<Napi::Boolean>().Value());
  if (v.IsNumber()) {
    double d = v.As<Napi::Number>().DoubleValue();
    if (std::isfinite(d) && d == std::trunc(d)) {
      if (d >= double(std::numeric_limits<int>::min()) && d <= double(std::numeric_limits<int>::max()))
        return QVariant(int(d));
      if (std::fabs(d) <= 9007199254740991.0) return QVariant(qlonglong(d));
    }
    return QVariant(d);
  }
  if (v.IsString()) return QVariant(ToQString(v));
  if (IsBytes(v)) return QVariant(Bytes(v));
  if (v.IsDate()) {
    double ms = v.As<Napi::Date>().ValueOf();
    if (!std::isfinite(ms)) throw ArgTypeError(v.Env(), i, method, "a valid Date");
    return QVariant(QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC));
  }
  throw ArgTypeError(v.Env(), i, method, "null, a boolean, number, string, bytes or a Date");
}

Napi::Value FromVariant(Napi::Env env, const QVariant& v, const char* method) {
  if (!v.isValid()) return env.Null();
  switch (v.typeId()) {
    case QMetaType::Bool:
      return Napi::Boolean::New(env, v.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
      return Napi::Number::New(env, v.toDouble());
    case QMetaType::QString:
      return FromQString(env, v.toString());
    case QMetaType::QByteArray:
      return FromQByteArray(env, v.toByteArray());
    case QMetaType::QUrl:
      return FromQString(env, v.toUrl().toString());
    case QMetaType::QDateTime: {
      QDateTime t = v.toDateTime();
      return Napi::Date::New(env, t.isValid() ? double(t.toMSecsSinceEpoch()) : std::nan(""));
    }
    case QMetaType::QVariantMap: {
      // A certificate extension's fields (QSslCertificateExtension::value()): an object.
      const QVariantMap map = v.toMap();
      Napi::Object o = Napi::Object::New(env);
      for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.Set(FromQString(env, it.key()), FromVariant(env, *it, method));
      return o;
    }
    case QMetaType::QVariantList: {
      const QVariantList list = v.toList();
      Napi::Array a = Napi::Array::New(env, size_t(list.size()));
      for (qsizetype k = 0; k < list.size(); k++) a.Set(uint32_t(k), FromVariant(env, list[k], method));
      return a;
    }
    case QMetaType::QStringList: {
      const QStringList list = v.toStringList();
      Napi::Array a = Napi::Array::New(env, size_t(list.size()));
      for (qsizetype k = 0; k < list.size(); k++) a.Set(uint32_t(k), FromQString(env, list[k]));
      return a;
    }
    default:
      break;
  }
  // An enum Qt stored as itself (the redirect policy a manager puts in its requests): its number,
  // as a scoped enum's value.
  if (v.metaType().flags() & QMetaType::IsEnumeration) return Napi::Number::New(env, v.toLongLong());
  // Recognised by name and read in place: QMetaType::fromType or QVariant::value for this type
  // would instantiate Qt's metatype templates here, whose STB_GNU_UNIQUE symbols make the addon
  // (and with it Qt) impossible to unload, which changes how Qt restarts after a worker's exit.
  if (qstrcmp(v.typeName(), "QList<QNetworkCookie>") == 0) {
    const auto& cookies = *static_cast<const QList<QNetworkCookie>*>(v.constData());
    Napi::Array a = Napi::Array::New(env, size_t(cookies.size()));
    for (qsizetype k = 0; k < cookies.size(); k++) a.Set(uint32_t(k), FromQByteArray(env, cookies[k].toRawForm()));
    return a;
  }
  throw Napi::TypeError::New(env, std::string(method) + ": Qt's value is a " + v.typeName() + ", which has no JS form");
}

}  // namespace qtn
