// QUrl: a value class used on the JS thread directly (Qt's QUrl is reentrant). Parsing,
// formatting, IDN and percent-encoding are Qt's own; lib/QUrl.ts checks arguments and names.
#include "url.h"

#include <QStringList>

namespace qtn {

namespace {

// Flag arguments arrive checked by the TS layer; here only kept inside int.
int Flags(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return int(IntArg(info, i, 0, INT32_MAX, method));
}

QUrl::ParsingMode Mode(const Napi::CallbackInfo& info, size_t i, const char* method) {
  return QUrl::ParsingMode(IntArg(info, i, QUrl::TolerantMode, QUrl::DecodedMode, method));
}

QStringList StringListArg(const Napi::CallbackInfo& info, size_t i, const char* method) {
  if (!info[i].IsArray()) throw ArgTypeError(info.Env(), i, method, "an array of strings");
  Napi::Array a = info[i].As<Napi::Array>();
  QStringList list;
  for (uint32_t k = 0; k < a.Length(); k++) {
    Napi::Value v = a.Get(k);
    if (!v.IsString()) throw ArgTypeError(info.Env(), i, method, "an array of strings");
    list.append(ToQString(v));
  }
  return list;
}

Napi::Array StringListToJs(Napi::Env env, const QStringList& list) {
  return ToArray(env, list, [](Napi::Env e, const QString& s) { return FromQString(e, s); });
}

class UrlWrap : public ValueWrap<UrlWrap, QUrl> {
 public:
  static constexpr const char* kName = "QUrl";
  static constexpr napi_type_tag kTag = {0x2f6d8a41c3b94e07ULL, 0xb5e13a7c09d2468fULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(env,
                                 {
                                     StaticMethod<&UrlWrap::FromAce>("fromAce"),
                                     StaticMethod<&UrlWrap::FromEncoded>("fromEncoded"),
                                     StaticMethod<&UrlWrap::FromLocalFile>("fromLocalFile"),
                                     StaticMethod<&UrlWrap::FromPercentEncoding>("fromPercentEncoding"),
                                     StaticMethod<&UrlWrap::FromStringList>("fromStringList"),
                                     StaticMethod<&UrlWrap::FromUserInput>("fromUserInput"),
                                     StaticMethod<&UrlWrap::IdnWhitelist>("idnWhitelist"),
                                     StaticMethod<&UrlWrap::SetIdnWhitelist>("setIdnWhitelist"),
                                     StaticMethod<&UrlWrap::ToAce>("toAce"),
                                     StaticMethod<&UrlWrap::ToPercentEncoding>("toPercentEncoding"),
                                     StaticMethod<&UrlWrap::ToStringList>("toStringList"),
                                 },
                                 {
                                     Bind<&UrlWrap::SetUrl>(env, "setUrl"),
                                     Bind<&UrlWrap::Adjusted>(env, "adjusted"),
                                     Bind<&UrlWrap::Component<&QUrl::authority>>(env, "authority"),
                                     Bind<&UrlWrap::Component<&QUrl::fileName>>(env, "fileName"),
                                     Bind<&UrlWrap::Component<&QUrl::fragment>>(env, "fragment"),
                                     Bind<&UrlWrap::Component<&QUrl::host>>(env, "host"),
                                     Bind<&UrlWrap::Component<&QUrl::password>>(env, "password"),
                                     Bind<&UrlWrap::Component<&QUrl::path>>(env, "path"),
                                     Bind<&UrlWrap::Component<&QUrl::query>>(env, "query"),
                                     Bind<&UrlWrap::Component<&QUrl::userInfo>>(env, "userInfo"),
                                     Bind<&UrlWrap::Component<&QUrl::userName>>(env, "userName"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setAuthority>>(env, "setAuthority"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setFragment>>(env, "setFragment"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setHost>>(env, "setHost"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setPassword>>(env, "setPassword"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setPath>>(env, "setPath"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setQuery>>(env, "setQuery"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setUserInfo>>(env, "setUserInfo"),
                                     Bind<&UrlWrap::SetComponent<&QUrl::setUserName>>(env, "setUserName"),
                                     Bind<&UrlWrap::SetString<&QUrl::setScheme>>(env, "setScheme"),
                                     Bind<&UrlWrap::SetInt<&QUrl::setPort, INT32_MIN, INT32_MAX>>(env, "setPort"),
                                     Bind<&UrlWrap::Port>(env, "port"),
                                     Bind<&UrlWrap::Clear>(env, "clear"),
                                     Bind<&UrlWrap::Detach>(env, "detach"),
                                     Bind<&UrlWrap::Get<&QUrl::isDetached>>(env, "isDetached"),
                                     Bind<&UrlWrap::Get<&QUrl::errorString>>(env, "errorString"),
                                     Bind<&UrlWrap::Get<&QUrl::hasFragment>>(env, "hasFragment"),
                                     Bind<&UrlWrap::Get<&QUrl::hasQuery>>(env, "hasQuery"),
                                     Bind<&UrlWrap::Get<&QUrl::isEmpty>>(env, "isEmpty"),
                                     Bind<&UrlWrap::Get<&QUrl::isLocalFile>>(env, "isLocalFile"),
                                     Bind<&UrlWrap::Get<&QUrl::isRelative>>(env, "isRelative"),
                                     Bind<&UrlWrap::Get<&QUrl::isValid>>(env, "isValid"),
                                     Bind<&UrlWrap::Get<&QUrl::scheme>>(env, "scheme"),
                                     Bind<&UrlWrap::Get<&QUrl::toLocalFile>>(env, "toLocalFile"),
                                     Bind<&UrlWrap::IsParentOf>(env, "isParentOf"),
                                     Bind<&UrlWrap::Matches>(env, "matches"),
                                     Bind<&UrlWrap::Resolved>(env, "resolved"),
                                     Bind<&UrlWrap::Format<&QUrl::toString>>(env, "toString"),
                                     Bind<&UrlWrap::Format<&QUrl::toDisplayString>>(env, "toDisplayString"),
                                     Bind<&UrlWrap::Format<&QUrl::url>>(env, "url"),
                                     Bind<&UrlWrap::ToEncoded>(env, "toEncoded"),
                                     Bind<&UrlWrap::Swap>(env, "swap"),
                                     Bind<&UrlWrap::Equals>(env, "equals"),
                                     Bind<&UrlWrap::Compare>(env, "compare"),
                                 });
    m.urlCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QUrl() is empty; new QUrl(other) copies; new QUrl(url, mode) parses.
  explicit UrlWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 0 || info[0].IsUndefined()) return;
    if (info[0].IsString())
      value = QUrl(ToQString(info[0]), Mode(info, 1, kName));
    else
      value = Other(info, 0, kName);
  }

 private:
  template <QString (QUrl::*G)(QUrl::ComponentFormattingOptions) const>
  Napi::Value Component(const Napi::CallbackInfo& info) {
    auto options = QUrl::ComponentFormattingOptions(QFlag(Flags(info, 0, Method(info))));
    return FromQString(info.Env(), (value.*G)(options));
  }

  template <void (QUrl::*S)(const QString&, QUrl::ParsingMode)>
  Napi::Value SetComponent(const Napi::CallbackInfo& info) {
    const char* method = Method(info);
    // null: Qt's null QString (PyQt6's None), which clears the component.
    QString s = info[0].IsNull() ? QString() : StringArg(info, 0, method);
    (value.*S)(s, Mode(info, 1, method));
    return info.Env().Undefined();
  }

  template <QString (QUrl::*F)(QUrl::FormattingOptions) const>
  Napi::Value Format(const Napi::CallbackInfo& info) {
    auto options = QUrl::FormattingOptions(QFlag(Flags(info, 0, Method(info))));
    return FromQString(info.Env(), (value.*F)(options));
  }

  Napi::Value SetUrl(const Napi::CallbackInfo& info) {
    value.setUrl(StringArg(info, 0, Method(info)), Mode(info, 1, Method(info)));
    return info.Env().Undefined();
  }

  Napi::Value Adjusted(const Napi::CallbackInfo& info) {
    auto options = QUrl::FormattingOptions(QFlag(Flags(info, 0, Method(info))));
    return NewUrl(info.Env(), value.adjusted(options));
  }

  Napi::Value Port(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), value.port(int(IntArg(info, 0, INT32_MIN, INT32_MAX, Method(info)))));
  }

  Napi::Value Clear(const Napi::CallbackInfo& info) {
    value.clear();
    return info.Env().Undefined();
  }

  Napi::Value Detach(const Napi::CallbackInfo& info) {
    value.detach();
    return info.Env().Undefined();
  }

  Napi::Value IsParentOf(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), value.isParentOf(Other(info, 0, Method(info))));
  }

  Napi::Value Matches(const Napi::CallbackInfo& info) {
    const QUrl& other = Other(info, 0, Method(info));
    auto options = QUrl::FormattingOptions(QFlag(Flags(info, 1, Method(info))));
    return Napi::Boolean::New(info.Env(), value.matches(other, options));
  }

  Napi::Value Resolved(const Napi::CallbackInfo& info) {
    return NewUrl(info.Env(), value.resolved(Other(info, 0, Method(info))));
  }

  Napi::Value ToEncoded(const Napi::CallbackInfo& info) {
    auto options = QUrl::FormattingOptions(QFlag(Flags(info, 0, Method(info))));
    return FromQByteArray(info.Env(), value.toEncoded(options));
  }

  // Qt's operator<, both ways: -1, 0 or 1 (0 for URLs Qt orders neither way, which == calls equal).
  Napi::Value Compare(const Napi::CallbackInfo& info) {
    const QUrl& other = Other(info, 0, Method(info));
    return Napi::Number::New(info.Env(), value < other ? -1 : other < value ? 1 : 0);
  }

  static Napi::Value FromAce(const Napi::CallbackInfo& info) {
    QByteArray domain = BytesArg(info, 0, "QUrl.fromAce");
    auto options = QUrl::AceProcessingOptions(QFlag(Flags(info, 1, "QUrl.fromAce")));
    return FromQString(info.Env(), QUrl::fromAce(domain, options));
  }

  static Napi::Value ToAce(const Napi::CallbackInfo& info) {
    QString domain = StringArg(info, 0, "QUrl.toAce");
    auto options = QUrl::AceProcessingOptions(QFlag(Flags(info, 1, "QUrl.toAce")));
    return FromQByteArray(info.Env(), QUrl::toAce(domain, options));
  }

  static Napi::Value FromEncoded(const Napi::CallbackInfo& info) {
    QByteArray bytes = BytesArg(info, 0, "QUrl.fromEncoded");
    return NewUrl(info.Env(), QUrl::fromEncoded(bytes, Mode(info, 1, "QUrl.fromEncoded")));
  }

  static Napi::Value FromLocalFile(const Napi::CallbackInfo& info) {
    return NewUrl(info.Env(), QUrl::fromLocalFile(StringArg(info, 0, "QUrl.fromLocalFile")));
  }

  static Napi::Value FromPercentEncoding(const Napi::CallbackInfo& info) {
    return FromQString(info.Env(), QUrl::fromPercentEncoding(BytesArg(info, 0, "QUrl.fromPercentEncoding")));
  }

  static Napi::Value ToPercentEncoding(const Napi::CallbackInfo& info) {
    const char* method = "QUrl.toPercentEncoding";
    QString input = StringArg(info, 0, method);
    QByteArray exclude = BytesArg(info, 1, method), include = BytesArg(info, 2, method);
    return FromQByteArray(info.Env(), QUrl::toPercentEncoding(input, exclude, include));
  }

  static Napi::Value FromStringList(const Napi::CallbackInfo& info) {
    const char* method = "QUrl.fromStringList";
    QList<QUrl> urls = QUrl::fromStringList(StringListArg(info, 0, method), Mode(info, 1, method));
    return ToArray(info.Env(), urls, [](Napi::Env e, const QUrl& u) { return NewUrl(e, u); });
  }

  static Napi::Value ToStringList(const Napi::CallbackInfo& info) {
    const char* method = "QUrl.toStringList";
    QList<QUrl> urls = ArrayArg(info, 0, method, UnwrapUrl, "an array of native QUrl");
    auto options = QUrl::FormattingOptions(QFlag(Flags(info, 1, method)));
    return StringListToJs(info.Env(), QUrl::toStringList(urls, options));
  }

  static Napi::Value FromUserInput(const Napi::CallbackInfo& info) {
    const char* method = "QUrl.fromUserInput";
    QString input = StringArg(info, 0, method), dir = StringArg(info, 1, method);
    auto options = QUrl::UserInputResolutionOptions(QFlag(Flags(info, 2, method)));
    return NewUrl(info.Env(), QUrl::fromUserInput(input, dir, options));
  }

  static Napi::Value IdnWhitelist(const Napi::CallbackInfo& info) {
    return StringListToJs(info.Env(), QUrl::idnWhitelist());
  }

  static Napi::Value SetIdnWhitelist(const Napi::CallbackInfo& info) {
    QUrl::setIdnWhitelist(StringListArg(info, 0, "QUrl.setIdnWhitelist"));
    return info.Env().Undefined();
  }
};

}  // namespace

const QUrl* UnwrapUrl(Napi::Value v) { return UrlWrap::ValueOf(v); }

Napi::Object NewUrl(Napi::Env env, const QUrl& u) { return UrlWrap::New(Module::of(env).urlCtor, u); }

Napi::Function InitUrl(Napi::Env env, Module& m) { return UrlWrap::Init(env, m); }

}  // namespace qtn
