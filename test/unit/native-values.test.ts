// lib/core/native.ts against the addon: every value class it declares has exactly the methods and
// statics the addon defines. The lists below are tied to the declaration by tsc (`satisfies`: a
// missing or extra name is a type error under tsc -p tsconfig.test.json), and to the addon here.
import type {
  NativeAuthenticator,
  NativeAuthenticatorClass,
  NativeHostAddress,
  NativeHostAddressClass,
  NativeNetworkAddressEntry,
  NativeNetworkAddressEntryClass,
  NativeNetworkDatagram,
  NativeNetworkDatagramClass,
  NativeNetworkInterface,
  NativeNetworkInterfaceClass,
  NativeNetworkProxy,
  NativeNetworkProxyClass,
  NativeNetworkProxyQuery,
  NativeNetworkProxyQueryClass,
  NativeNetworkRequest,
  NativeNetworkRequestClass,
  NativeProxyFactory,
  NativeHostInfo,
  NativeHostInfoClass,
  NativeHstsPolicy,
  NativeHstsPolicyClass,
  NativeUrl,
  NativeUrlClass,
  NativeValues,
} from '../../lib/core/native';
import { native } from '../../lib/core/runtime';

type Names<T> = Record<Exclude<Extract<keyof T, string>, 'prototype'>, true>;

const classes = {
  QHostAddress: {
    methods: {
      setAddress: true,
      setSpecialAddress: true,
      clear: true,
      swap: true,
      equals: true,
      isEqual: true,
      isInSubnet: true,
      isBroadcast: true,
      isGlobal: true,
      isLinkLocal: true,
      isLoopback: true,
      isMulticast: true,
      isNull: true,
      isSiteLocal: true,
      isUniqueLocalUnicast: true,
      protocol: true,
      scopeId: true,
      setScopeId: true,
      toIPv4Address: true,
      toIPv6Address: true,
      toString: true,
    } satisfies Names<NativeHostAddress>,
    statics: { parseSubnet: true } satisfies Names<NativeHostAddressClass>,
  },
  QNetworkProxy: {
    methods: {
      type: true,
      setType: true,
      hostName: true,
      setHostName: true,
      port: true,
      setPort: true,
      user: true,
      setUser: true,
      password: true,
      setPassword: true,
      capabilities: true,
      setCapabilities: true,
      isCachingProxy: true,
      isTransparentProxy: true,
      hasRawHeader: true,
      rawHeader: true,
      rawHeaderList: true,
      setRawHeader: true,
      header: true,
      setHeader: true,
      swap: true,
      equals: true,
    } satisfies Names<NativeNetworkProxy>,
    statics: { applicationProxy: true, setApplicationProxy: true } satisfies Names<NativeNetworkProxyClass>,
  },
  QNetworkProxyQuery: {
    methods: {
      queryType: true,
      setQueryType: true,
      peerHostName: true,
      setPeerHostName: true,
      peerPort: true,
      setPeerPort: true,
      localPort: true,
      setLocalPort: true,
      protocolTag: true,
      setProtocolTag: true,
      url: true,
      setUrl: true,
      urlWithoutPassword: true,
      swap: true,
      equals: true,
    } satisfies Names<NativeNetworkProxyQuery>,
    statics: {} satisfies Names<NativeNetworkProxyQueryClass>,
  },
  QAuthenticator: {
    methods: {
      isNull: true,
      user: true,
      setUser: true,
      password: true,
      setPassword: true,
      realm: true,
      option: true,
      options: true,
      setOption: true,
      equals: true,
    } satisfies Names<NativeAuthenticator>,
    statics: {} satisfies Names<NativeAuthenticatorClass>,
  },
  QNetworkDatagram: {
    methods: {
      clear: true,
      data: true,
      setData: true,
      destinationAddress: true,
      destinationPort: true,
      setDestination: true,
      senderAddress: true,
      senderPort: true,
      setSender: true,
      hopLimit: true,
      setHopLimit: true,
      interfaceIndex: true,
      setInterfaceIndex: true,
      isNull: true,
      isValid: true,
      makeReply: true,
      swap: true,
    } satisfies Names<NativeNetworkDatagram>,
    statics: {} satisfies Names<NativeNetworkDatagramClass>,
  },
  QNetworkInterface: {
    methods: {
      addressEntries: true,
      flags: true,
      hardwareAddress: true,
      humanReadableName: true,
      index: true,
      isValid: true,
      maximumTransmissionUnit: true,
      name: true,
      type: true,
      swap: true,
    } satisfies Names<NativeNetworkInterface>,
    statics: {
      allAddresses: true,
      allInterfaces: true,
      interfaceFromIndex: true,
      interfaceFromName: true,
      interfaceIndexFromName: true,
      interfaceNameFromIndex: true,
    } satisfies Names<NativeNetworkInterfaceClass>,
  },
  QNetworkAddressEntry: {
    methods: {
      ip: true,
      setIp: true,
      netmask: true,
      setNetmask: true,
      broadcast: true,
      setBroadcast: true,
      prefixLength: true,
      setPrefixLength: true,
      dnsEligibility: true,
      setDnsEligibility: true,
      isLifetimeKnown: true,
      isPermanent: true,
      isTemporary: true,
      clearAddressLifetime: true,
      swap: true,
      equals: true,
    } satisfies Names<NativeNetworkAddressEntry>,
    statics: {} satisfies Names<NativeNetworkAddressEntryClass>,
  },
  QUrl: {
    methods: {
      setUrl: true,
      adjusted: true,
      authority: true,
      fileName: true,
      fragment: true,
      host: true,
      password: true,
      path: true,
      query: true,
      userInfo: true,
      userName: true,
      setAuthority: true,
      setFragment: true,
      setHost: true,
      setPassword: true,
      setPath: true,
      setQuery: true,
      setUserInfo: true,
      setUserName: true,
      setScheme: true,
      setPort: true,
      port: true,
      clear: true,
      detach: true,
      isDetached: true,
      errorString: true,
      hasFragment: true,
      hasQuery: true,
      isEmpty: true,
      isLocalFile: true,
      isRelative: true,
      isValid: true,
      scheme: true,
      toLocalFile: true,
      isParentOf: true,
      matches: true,
      resolved: true,
      toString: true,
      toDisplayString: true,
      url: true,
      toEncoded: true,
      swap: true,
      equals: true,
      compare: true,
    } satisfies Names<NativeUrl>,
    statics: {
      fromAce: true,
      toAce: true,
      fromEncoded: true,
      fromLocalFile: true,
      fromPercentEncoding: true,
      toPercentEncoding: true,
      fromStringList: true,
      toStringList: true,
      fromUserInput: true,
      idnWhitelist: true,
      setIdnWhitelist: true,
    } satisfies Names<NativeUrlClass>,
  },
  QNetworkRequest: {
    methods: {
      url: true,
      setUrl: true,
      hasRawHeader: true,
      rawHeader: true,
      rawHeaderList: true,
      setRawHeader: true,
      header: true,
      setHeader: true,
      attribute: true,
      setAttribute: true,
      priority: true,
      setPriority: true,
      maximumRedirectsAllowed: true,
      setMaximumRedirectsAllowed: true,
      transferTimeout: true,
      setTransferTimeout: true,
      swap: true,
      equals: true,
    } satisfies Names<NativeNetworkRequest>,
    statics: {} satisfies Names<NativeNetworkRequestClass>,
  },
  QHostInfo: {
    methods: {
      hostName: true,
      setHostName: true,
      addresses: true,
      setAddresses: true,
      error: true,
      setError: true,
      errorString: true,
      setErrorString: true,
      lookupId: true,
      setLookupId: true,
      swap: true,
    } satisfies Names<NativeHostInfo>,
    statics: {
      abortHostLookup: true,
      localHostName: true,
      localDomainName: true,
      fromName: true,
    } satisfies Names<NativeHostInfoClass>,
  },
  QHstsPolicy: {
    methods: {
      host: true,
      setHost: true,
      expiry: true,
      setExpiry: true,
      includesSubDomains: true,
      setIncludesSubDomains: true,
      isExpired: true,
      swap: true,
      equals: true,
    } satisfies Names<NativeHstsPolicy>,
    statics: {} satisfies Names<NativeHstsPolicyClass>,
  },
};

const factory = {
  install: true,
  setEmptyAnswer: true,
  uninstall: true,
  installedGeneration: true,
  proxyForQuery: true,
  systemProxyForQuery: true,
  setUseSystemConfiguration: true,
  usesSystemConfiguration: true,
} satisfies Names<NativeProxyFactory>;

// Every member of NativeValues is listed (tsc), and nothing else.
const values = { ...classes, QNetworkProxyFactory: factory } satisfies Record<keyof NativeValues, object>;

const addon = native as unknown as Record<string, { prototype?: object }>;
const sorted = (o: object): string[] => Object.keys(o).sort();
const own = (o: object, skip: string[]): string[] =>
  Object.getOwnPropertyNames(o)
    .filter((k) => !skip.includes(k))
    .sort();

test('the addon exports every declared value class', () => {
  for (const name of Object.keys(values)) expect({ name, exported: name in addon }).toEqual({ name, exported: true });
});

describe.each(Object.keys(classes))('%s', (name) => {
  const { methods, statics } = classes[name as keyof typeof classes];
  const ctor = addon[name];

  test('instance methods: as declared', () => {
    expect(own(ctor.prototype!, ['constructor'])).toEqual(sorted(methods));
  });

  test('static methods: as declared', () => {
    expect(own(ctor, ['length', 'name', 'prototype', 'arguments', 'caller'])).toEqual(sorted(statics));
  });
});

test('QNetworkProxyFactory: its functions as declared', () => {
  expect(own(addon.QNetworkProxyFactory, [])).toEqual(sorted(factory));
});
