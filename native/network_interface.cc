#include "network_interface.h"

#include "host_address.h"
#include "network_address_entry.h"

namespace qtn {

namespace {

class NetworkInterfaceWrap : public ValueWrap<NetworkInterfaceWrap, QNetworkInterface> {
 public:
  static constexpr const char* kName = "QNetworkInterface";
  static constexpr napi_type_tag kTag = {0x2d8f7c41b05e4a96ULL, 0xc13a9e27f4d6b805ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor =
        Define(env,
               {
                   StaticMethod<&NetworkInterfaceWrap::AllAddresses>("allAddresses"),
                   StaticMethod<&NetworkInterfaceWrap::AllInterfaces>("allInterfaces"),
                   StaticMethod<&NetworkInterfaceWrap::InterfaceFromIndex>("interfaceFromIndex"),
                   StaticMethod<&NetworkInterfaceWrap::InterfaceFromName>("interfaceFromName"),
                   StaticMethod<&NetworkInterfaceWrap::InterfaceIndexFromName>("interfaceIndexFromName"),
                   StaticMethod<&NetworkInterfaceWrap::InterfaceNameFromIndex>("interfaceNameFromIndex"),
               },
               {
                   Bind<&NetworkInterfaceWrap::AddressEntries>(env, "addressEntries"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::flags>>(env, "flags"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::hardwareAddress>>(env, "hardwareAddress"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::humanReadableName>>(env, "humanReadableName"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::index>>(env, "index"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::isValid>>(env, "isValid"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::maximumTransmissionUnit>>(
                       env, "maximumTransmissionUnit"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::name>>(env, "name"),
                   Bind<&NetworkInterfaceWrap::Get<&QNetworkInterface::type>>(env, "type"),
                   Bind<&NetworkInterfaceWrap::Swap>(env, "swap"),
               });
    m.networkInterfaceCtor = Napi::Persistent(ctor);
    return ctor;
  }

  // new QNetworkInterface() is invalid; (other) copies.
  explicit NetworkInterfaceWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1)
      value = Other(info, 0, kName);
    else if (info.Length() != 0)
      throw Napi::TypeError::New(info.Env(), "QNetworkInterface: 0 or 1 argument expected");
  }

 private:
  static Napi::Value AllAddresses(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    return ToArray(env, Guard(env, kName, [] { return QNetworkInterface::allAddresses(); }), NewHostAddress);
  }

  static Napi::Value AllInterfaces(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    return ToArray(env, Guard(env, kName, [] { return QNetworkInterface::allInterfaces(); }), NewNetworkInterface);
  }

  static Napi::Value InterfaceFromIndex(const Napi::CallbackInfo& info) {
    int index = int(IntArg(info, 0, INT32_MIN, INT32_MAX, "QNetworkInterface.interfaceFromIndex"));
    return NewNetworkInterface(info.Env(), QNetworkInterface::interfaceFromIndex(index));
  }

  static Napi::Value InterfaceFromName(const Napi::CallbackInfo& info) {
    return NewNetworkInterface(
        info.Env(), QNetworkInterface::interfaceFromName(StringArg(info, 0, "QNetworkInterface.interfaceFromName")));
  }

  static Napi::Value InterfaceIndexFromName(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), QNetworkInterface::interfaceIndexFromName(
                                             StringArg(info, 0, "QNetworkInterface.interfaceIndexFromName")));
  }

  static Napi::Value InterfaceNameFromIndex(const Napi::CallbackInfo& info) {
    int index = int(IntArg(info, 0, INT32_MIN, INT32_MAX, "QNetworkInterface.interfaceNameFromIndex"));
    return FromQString(info.Env(), QNetworkInterface::interfaceNameFromIndex(index));
  }

  Napi::Value AddressEntries(const Napi::CallbackInfo& info) {
    return ToArray(info.Env(), value.addressEntries(), NewNetworkAddressEntry);
  }
};

}  // namespace

const QNetworkInterface* UnwrapNetworkInterface(Napi::Value v) { return NetworkInterfaceWrap::ValueOf(v); }

Napi::Object NewNetworkInterface(Napi::Env env, const QNetworkInterface& i) {
  return NetworkInterfaceWrap::New(Module::of(env).networkInterfaceCtor, i);
}

Napi::Function InitNetworkInterface(Napi::Env env, Module& m) { return NetworkInterfaceWrap::Init(env, m); }

}  // namespace qtn
