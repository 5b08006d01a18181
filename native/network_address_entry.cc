#include "network_address_entry.h"

#include "host_address.h"

namespace qtn {

namespace {

class AddressEntryWrap : public ValueWrap<AddressEntryWrap, QNetworkAddressEntry> {
 public:
  static constexpr const char* kName = "QNetworkAddressEntry";
  static constexpr napi_type_tag kTag = {0x94e1b6d20c7a4f38ULL, 0x5fa2c8e31b906d47ULL};

  static Napi::Function Init(Napi::Env env, Module& m) {
    Napi::Function ctor = Define(
        env, {},
        {
            Bind<&AddressEntryWrap::Address<&QNetworkAddressEntry::ip>>(env, "ip"),
            Bind<&AddressEntryWrap::SetAddress<&QNetworkAddressEntry::setIp>>(env, "setIp"),
            Bind<&AddressEntryWrap::Address<&QNetworkAddressEntry::netmask>>(env, "netmask"),
            Bind<&AddressEntryWrap::SetAddress<&QNetworkAddressEntry::setNetmask>>(env, "setNetmask"),
            Bind<&AddressEntryWrap::Address<&QNetworkAddressEntry::broadcast>>(env, "broadcast"),
            Bind<&AddressEntryWrap::SetAddress<&QNetworkAddressEntry::setBroadcast>>(env, "setBroadcast"),
            Bind<&AddressEntryWrap::Get<&QNetworkAddressEntry::prefixLength>>(env, "prefixLength"),
            Bind<&AddressEntryWrap::SetInt<&QNetworkAddressEntry::setPrefixLength, INT32_MIN, INT32_MAX>>(
                env, "setPrefixLength"),
            Bind<&AddressEntryWrap::Get<&QNetworkAddressEntry::dnsEligibility>>(env, "dnsEligibility"),
            Bind<&AddressEntryWrap::SetInt<&QNetworkAddressEntry::setDnsEligibility, -1, 1>>(env, "setDnsEligibility"),
            Bind<&AddressEntryWrap::Get<&QNetworkAddressEntry::isLifetimeKnown>>(env, "isLifetimeKnown"),
            Bind<&AddressEntryWrap::Get<&QNetworkAddressEntry::isPermanent>>(env, "isPermanent"),
            Bind<&AddressEntryWrap::Get<&QNetworkAddressEntry::isTemporary>>(env, "isTemporary"),
            Bind<&AddressEntryWrap::ClearAddressLifetime>(env, "clearAddressLifetime"),
            Bind<&AddressEntryWrap::Swap>(env, "swap"),
            Bind<&AddressEntryWrap::Equals>(env, "equals"),
        });
    m.networkAddressEntryCtor = Napi::Persistent(ctor);
    return ctor;
  }

  explicit AddressEntryWrap(const Napi::CallbackInfo& info) : ValueWrap(info) {
    if (info.Length() == 1)
      value = Other(info, 0, kName);
    else if (info.Length() != 0)
      throw Napi::TypeError::New(info.Env(), "QNetworkAddressEntry: 0 or 1 argument expected");
  }

 private:
  template <auto G>
  Napi::Value Address(const Napi::CallbackInfo& info) {
    return NewHostAddress(info.Env(), (value.*G)());
  }

  template <auto S>
  Napi::Value SetAddress(const Napi::CallbackInfo& info) {
    const QHostAddress* a = UnwrapHostAddress(info[0]);
    if (!a) throw ArgTypeError(info.Env(), 0, Method(info), "a native QHostAddress");
    (value.*S)(*a);
    return info.Env().Undefined();
  }

  Napi::Value ClearAddressLifetime(const Napi::CallbackInfo& info) {
    value.clearAddressLifetime();
    return info.Env().Undefined();
  }
};

}  // namespace

Napi::Object NewNetworkAddressEntry(Napi::Env env, const QNetworkAddressEntry& e) {
  return AddressEntryWrap::New(Module::of(env).networkAddressEntryCtor, e);
}

Napi::Function InitNetworkAddressEntry(Napi::Env env, Module& m) { return AddressEntryWrap::Init(env, m); }

}  // namespace qtn
