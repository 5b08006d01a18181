// QUrl: PyQt6's API over Qt's own QUrl (parsing, formatting, IDN, percent-encoding are Qt's), used
// on the JS thread directly: it is a reentrant value type. Bytes come back as Buffers and are
// taken as Buffer, Uint8Array or string (UTF-8); a WHATWG URL is taken wherever a QUrl is.
import { inspect } from 'node:util';
import {
  checkArity,
  checkEnum,
  checkFlags,
  checkInt,
  checkIterable,
  checkString,
  describe,
  toBuffer,
} from './core/args';
import type { NativeUrl } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';

export enum ParsingMode {
  TolerantMode = 0,
  StrictMode = 1,
  DecodedMode = 2,
}

export enum UrlFormattingOption {
  None_ = 0x0,
  RemoveScheme = 0x1,
  RemovePassword = 0x2,
  RemoveUserInfo = 0x6,
  RemovePort = 0x8,
  RemoveAuthority = 0x1e,
  RemovePath = 0x20,
  RemoveQuery = 0x40,
  RemoveFragment = 0x80,
  PreferLocalFile = 0x200,
  StripTrailingSlash = 0x400,
  RemoveFilename = 0x800,
  NormalizePathSegments = 0x1000,
}

export enum ComponentFormattingOption {
  PrettyDecoded = 0x0,
  EncodeSpaces = 0x100000,
  EncodeUnicode = 0x200000,
  EncodeDelimiters = 0xc00000,
  EncodeReserved = 0x1000000,
  DecodeReserved = 0x2000000,
  FullyEncoded = 0x1f00000,
  FullyDecoded = 0x7f00000,
}

export enum UserInputResolutionOption {
  DefaultResolution = 0x0,
  AssumeLocalFile = 0x1,
}

export enum AceProcessingOption {
  IgnoreIDNWhitelist = 0x1,
  AceTransitionalProcessing = 0x2,
}

// What toString, url, toEncoded, adjusted and matches take: Qt's FormattingOptions, the two
// enums' flags combined with `|`.
const FORMATTING = { ...UrlFormattingOption, ...ComponentFormattingOption };
const FORMATTING_NAME = 'QUrl.UrlFormattingOption or QUrl.ComponentFormattingOption';

function checkMode(method: string, v: unknown): ParsingMode {
  return checkEnum(method, 'mode', v, ParsingMode, 'QUrl.ParsingMode');
}

function checkComponent(method: string, v: unknown): number {
  return checkFlags(method, 'options', v, ComponentFormattingOption, 'QUrl.ComponentFormattingOption');
}

function checkFormatting(method: string, v: unknown): number {
  return checkFlags(method, 'options', v, FORMATTING, FORMATTING_NAME);
}

// A component setter's text: a string, or null (PyQt6's None: Qt's null string, which clears it).
function checkText(method: string, arg: string, v: unknown): string | null {
  return v === null ? null : checkString(method, arg, v);
}

export class QUrl extends Value<NativeUrl> {
  static readonly ParsingMode = ParsingMode;
  static readonly UrlFormattingOption = UrlFormattingOption;
  static readonly ComponentFormattingOption = ComponentFormattingOption;
  static readonly UserInputResolutionOption = UserInputResolutionOption;
  static readonly AceProcessingOption = AceProcessingOption;

  constructor();
  constructor(url: string | URL, mode?: QUrl.ParsingMode);
  constructor(copy: QUrl);
  constructor(url?: string | URL | QUrl, mode: ParsingMode = ParsingMode.TolerantMode) {
    checkArity('QUrl', arguments, 0, 2);
    let n: NativeUrl;
    if (arguments.length === 0) n = new native.QUrl();
    else if (url instanceof QUrl) {
      checkArity('QUrl(copy)', arguments, 1, 1);
      n = new native.QUrl(nativeOf(url));
    } else if (typeof url === 'string' || url instanceof URL) {
      n = new native.QUrl(typeof url === 'string' ? url : url.href, checkMode('QUrl', mode));
    } else {
      throw new TypeError(`QUrl: argument 'url' must be a string, a URL or a QUrl, got ${describe(url)}`);
    }
    super(n);
  }

  /**
   * @internal For the classes that take a QUrl: a QUrl as it is, a WHATWG URL parsed by Qt (its
   * href, in tolerant mode) — not a copy: read it, don't keep it.
   */
  static from(method: string, arg: string, v: unknown): QUrl {
    if (v instanceof QUrl) return v;
    if (v instanceof URL) return new QUrl(v.href);
    throw new TypeError(`${method}: argument '${arg}' must be a QUrl or a URL, got ${describe(v)}`);
  }

  setUrl(url: string, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): void {
    checkArity('QUrl.setUrl', arguments, 1, 2);
    nativeOf(this).setUrl(checkString('QUrl.setUrl', 'url', url), checkMode('QUrl.setUrl', mode));
  }

  adjusted(options: number): QUrl {
    checkArity('QUrl.adjusted', arguments, 1, 1);
    return adopt(nativeOf(this).adjusted(checkFormatting('QUrl.adjusted', options)));
  }

  authority(options: number = ComponentFormattingOption.PrettyDecoded): string {
    checkArity('QUrl.authority', arguments, 0, 1);
    return nativeOf(this).authority(checkComponent('QUrl.authority', options));
  }

  fileName(options: number = ComponentFormattingOption.FullyDecoded): string {
    checkArity('QUrl.fileName', arguments, 0, 1);
    return nativeOf(this).fileName(checkComponent('QUrl.fileName', options));
  }

  fragment(options: number = ComponentFormattingOption.PrettyDecoded): string {
    checkArity('QUrl.fragment', arguments, 0, 1);
    return nativeOf(this).fragment(checkComponent('QUrl.fragment', options));
  }

  host(options: number = ComponentFormattingOption.FullyDecoded): string {
    checkArity('QUrl.host', arguments, 0, 1);
    return nativeOf(this).host(checkComponent('QUrl.host', options));
  }

  password(options: number = ComponentFormattingOption.FullyDecoded): string {
    checkArity('QUrl.password', arguments, 0, 1);
    return nativeOf(this).password(checkComponent('QUrl.password', options));
  }

  path(options: number = ComponentFormattingOption.FullyDecoded): string {
    checkArity('QUrl.path', arguments, 0, 1);
    return nativeOf(this).path(checkComponent('QUrl.path', options));
  }

  query(options: number = ComponentFormattingOption.PrettyDecoded): string {
    checkArity('QUrl.query', arguments, 0, 1);
    return nativeOf(this).query(checkComponent('QUrl.query', options));
  }

  userInfo(options: number = ComponentFormattingOption.PrettyDecoded): string {
    checkArity('QUrl.userInfo', arguments, 0, 1);
    return nativeOf(this).userInfo(checkComponent('QUrl.userInfo', options));
  }

  userName(options: number = ComponentFormattingOption.FullyDecoded): string {
    checkArity('QUrl.userName', arguments, 0, 1);
    return nativeOf(this).userName(checkComponent('QUrl.userName', options));
  }

  setAuthority(authority: string | null, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): void {
    checkArity('QUrl.setAuthority', arguments, 1, 2);
    const m = 'QUrl.setAuthority';
    nativeOf(this).setAuthority(checkText(m, 'authority', authority), checkMode(m, mode));
  }

  setFragment(fragment: string | null, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): void {
    checkArity('QUrl.setFragment', arguments, 1, 2);
    const m = 'QUrl.setFragment';
    nativeOf(this).setFragment(checkText(m, 'fragment', fragment), checkMode(m, mode));
  }

  setHost(host: string | null, mode: QUrl.ParsingMode = ParsingMode.DecodedMode): void {
    checkArity('QUrl.setHost', arguments, 1, 2);
    nativeOf(this).setHost(checkText('QUrl.setHost', 'host', host), checkMode('QUrl.setHost', mode));
  }

  setPassword(password: string | null, mode: QUrl.ParsingMode = ParsingMode.DecodedMode): void {
    checkArity('QUrl.setPassword', arguments, 1, 2);
    // Not checkText: a password given as a number stays out of the message.
    if (password !== null && typeof password !== 'string')
      throw new TypeError(`QUrl.setPassword: argument 'password' must be a string, got ${typeof password}`);
    nativeOf(this).setPassword(password, checkMode('QUrl.setPassword', mode));
  }

  setPath(path: string | null, mode: QUrl.ParsingMode = ParsingMode.DecodedMode): void {
    checkArity('QUrl.setPath', arguments, 1, 2);
    nativeOf(this).setPath(checkText('QUrl.setPath', 'path', path), checkMode('QUrl.setPath', mode));
  }

  /** setQuery(query: str, mode); PyQt6's setQuery(QUrlQuery) is not here (no QUrlQuery). */
  setQuery(query: string | null, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): void {
    checkArity('QUrl.setQuery', arguments, 1, 2);
    nativeOf(this).setQuery(checkText('QUrl.setQuery', 'query', query), checkMode('QUrl.setQuery', mode));
  }

  setUserInfo(userInfo: string | null, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): void {
    checkArity('QUrl.setUserInfo', arguments, 1, 2);
    const m = 'QUrl.setUserInfo';
    nativeOf(this).setUserInfo(checkText(m, 'userInfo', userInfo), checkMode(m, mode));
  }

  setUserName(userName: string | null, mode: QUrl.ParsingMode = ParsingMode.DecodedMode): void {
    checkArity('QUrl.setUserName', arguments, 1, 2);
    const m = 'QUrl.setUserName';
    nativeOf(this).setUserName(checkText(m, 'userName', userName), checkMode(m, mode));
  }

  scheme(): string {
    return nativeOf(this).scheme();
  }

  setScheme(scheme: string): void {
    checkArity('QUrl.setScheme', arguments, 1, 1);
    nativeOf(this).setScheme(checkString('QUrl.setScheme', 'scheme', scheme));
  }

  port(defaultPort = -1): number {
    checkArity('QUrl.port', arguments, 0, 1);
    return nativeOf(this).port(checkInt('QUrl.port', 'defaultPort', defaultPort, -(2 ** 31), 2 ** 31 - 1));
  }

  /** -1 removes the port; Qt makes the URL invalid for one outside -1..65535, as in PyQt6. */
  setPort(port: number): void {
    checkArity('QUrl.setPort', arguments, 1, 1);
    nativeOf(this).setPort(checkInt('QUrl.setPort', 'port', port, -(2 ** 31), 2 ** 31 - 1));
  }

  clear(): void {
    nativeOf(this).clear();
  }

  detach(): void {
    nativeOf(this).detach();
  }

  isDetached(): boolean {
    return nativeOf(this).isDetached();
  }

  errorString(): string {
    return nativeOf(this).errorString();
  }

  hasFragment(): boolean {
    return nativeOf(this).hasFragment();
  }

  hasQuery(): boolean {
    return nativeOf(this).hasQuery();
  }

  isEmpty(): boolean {
    return nativeOf(this).isEmpty();
  }

  isLocalFile(): boolean {
    return nativeOf(this).isLocalFile();
  }

  isRelative(): boolean {
    return nativeOf(this).isRelative();
  }

  isValid(): boolean {
    return nativeOf(this).isValid();
  }

  toLocalFile(): string {
    return nativeOf(this).toLocalFile();
  }

  isParentOf(url: QUrl | URL): boolean {
    checkArity('QUrl.isParentOf', arguments, 1, 1);
    return nativeOf(this).isParentOf(nativeOf(QUrl.from('QUrl.isParentOf', 'url', url)));
  }

  matches(url: QUrl | URL, options: number): boolean {
    checkArity('QUrl.matches', arguments, 2, 2);
    const other = QUrl.from('QUrl.matches', 'url', url);
    return nativeOf(this).matches(nativeOf(other), checkFormatting('QUrl.matches', options));
  }

  resolved(relative: QUrl | URL): QUrl {
    checkArity('QUrl.resolved', arguments, 1, 1);
    return adopt(nativeOf(this).resolved(nativeOf(QUrl.from('QUrl.resolved', 'relative', relative))));
  }

  /** Qt's toString (the password included, as in PyQt6); so `${url}` gives it too. */
  toString(options: number = UrlFormattingOption.None_): string {
    checkArity('QUrl.toString', arguments, 0, 1);
    return nativeOf(this).toString(checkFormatting('QUrl.toString', options));
  }

  /** As toString, for showing to a user: Qt always leaves the password out. */
  toDisplayString(options: number = UrlFormattingOption.None_): string {
    checkArity('QUrl.toDisplayString', arguments, 0, 1);
    return nativeOf(this).toDisplayString(checkFormatting('QUrl.toDisplayString', options));
  }

  url(options: number = UrlFormattingOption.None_): string {
    checkArity('QUrl.url', arguments, 0, 1);
    return nativeOf(this).url(checkFormatting('QUrl.url', options));
  }

  /** A Buffer (PyQt6's QByteArray). */
  toEncoded(options: number = ComponentFormattingOption.FullyEncoded): Buffer {
    checkArity('QUrl.toEncoded', arguments, 0, 1);
    return nativeOf(this).toEncoded(checkFormatting('QUrl.toEncoded', options));
  }

  swap(other: QUrl): void {
    checkArity('QUrl.swap', arguments, 1, 1);
    if (!(other instanceof QUrl))
      throw new TypeError(`QUrl.swap: argument 'other' must be a QUrl, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QUrl or a URL. */
  equals(other: unknown): boolean {
    checkArity('QUrl.equals', arguments, 1, 1);
    if (!(other instanceof QUrl) && !(other instanceof URL)) return false;
    return nativeOf(this).equals(nativeOf(QUrl.from('QUrl.equals', 'other', other)));
  }

  /** Python's `<`, `>` as one call (beyond PyQt6, for sort()): -1, 0 or 1, in Qt's order. */
  compare(other: QUrl | URL): number {
    checkArity('QUrl.compare', arguments, 1, 1);
    return nativeOf(this).compare(nativeOf(QUrl.from('QUrl.compare', 'other', other)));
  }

  static fromAce(domain: Uint8Array | string, options = 0): string {
    checkArity('QUrl.fromAce', arguments, 1, 2);
    const opts = checkFlags('QUrl.fromAce', 'options', options, AceProcessingOption, 'QUrl.AceProcessingOption');
    return native.QUrl.fromAce(toBuffer('QUrl.fromAce', 'domain', domain), opts);
  }

  /** A Buffer (PyQt6's QByteArray). */
  static toAce(domain: string, options = 0): Buffer {
    checkArity('QUrl.toAce', arguments, 1, 2);
    const opts = checkFlags('QUrl.toAce', 'options', options, AceProcessingOption, 'QUrl.AceProcessingOption');
    return native.QUrl.toAce(checkString('QUrl.toAce', 'domain', domain), opts);
  }

  static fromEncoded(input: Uint8Array | string, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): QUrl {
    checkArity('QUrl.fromEncoded', arguments, 1, 2);
    const bytes = toBuffer('QUrl.fromEncoded', 'u', input);
    return adopt(native.QUrl.fromEncoded(bytes, checkMode('QUrl.fromEncoded', mode)));
  }

  static fromLocalFile(localfile: string): QUrl {
    checkArity('QUrl.fromLocalFile', arguments, 1, 1);
    return adopt(native.QUrl.fromLocalFile(checkString('QUrl.fromLocalFile', 'localfile', localfile)));
  }

  static fromPercentEncoding(input: Uint8Array | string): string {
    checkArity('QUrl.fromPercentEncoding', arguments, 1, 1);
    return native.QUrl.fromPercentEncoding(toBuffer('QUrl.fromPercentEncoding', 'a0', input));
  }

  /** A Buffer (PyQt6's QByteArray). */
  static toPercentEncoding(
    input: string,
    exclude: Uint8Array | string = Buffer.alloc(0),
    include: Uint8Array | string = Buffer.alloc(0),
  ): Buffer {
    const m = 'QUrl.toPercentEncoding';
    checkArity(m, arguments, 1, 3);
    return native.QUrl.toPercentEncoding(
      checkString(m, 'input', input),
      toBuffer(m, 'exclude', exclude),
      toBuffer(m, 'include', include),
    );
  }

  static fromStringList(uris: Iterable<string>, mode: QUrl.ParsingMode = ParsingMode.TolerantMode): QUrl[] {
    const m = 'QUrl.fromStringList';
    checkArity(m, arguments, 1, 2);
    const list = iterableOf(m, 'uris', uris).map((u, i) => checkString(m, `uris[${i}]`, u));
    return native.QUrl.fromStringList(list, checkMode(m, mode)).map(adopt);
  }

  static toStringList(uris: Iterable<QUrl | URL>, options: number = UrlFormattingOption.None_): string[] {
    const m = 'QUrl.toStringList';
    checkArity(m, arguments, 1, 2);
    const list = iterableOf(m, 'uris', uris).map((u, i) => nativeOf(QUrl.from(m, `uris[${i}]`, u)));
    return native.QUrl.toStringList(list, checkFormatting(m, options));
  }

  static fromUserInput(
    userInput: string,
    workingDirectory = '',
    options: number = UserInputResolutionOption.DefaultResolution,
  ): QUrl {
    const m = 'QUrl.fromUserInput';
    checkArity(m, arguments, 1, 3);
    return adopt(
      native.QUrl.fromUserInput(
        checkString(m, 'userInput', userInput),
        checkString(m, 'workingDirectory', workingDirectory),
        checkFlags(m, 'options', options, UserInputResolutionOption, 'QUrl.UserInputResolutionOption'),
      ),
    );
  }

  static idnWhitelist(): string[] {
    return native.QUrl.idnWhitelist();
  }

  /** Process-wide, as in Qt. */
  static setIdnWhitelist(list: Iterable<string>): void {
    const m = 'QUrl.setIdnWhitelist';
    checkArity(m, arguments, 1, 1);
    native.QUrl.setIdnWhitelist(iterableOf(m, 'a0', list).map((s, i) => checkString(m, `a0[${i}]`, s)));
  }

  /** The URL without its password. */
  toJSON(): string {
    return nativeOf(this).toString(UrlFormattingOption.RemovePassword);
  }

  /** Code that makes an equal URL, but without its password (shown as <hidden>). */
  [inspect.custom](): string {
    if (!holdsNative(this)) return 'QUrl {}'; // the prototype itself
    const n = nativeOf(this);
    if (n.isEmpty()) return 'QUrl()';
    const hidden = n.password(ComponentFormattingOption.FullyDecoded) !== '' ? ' /* password hidden */' : '';
    return `QUrl(${JSON.stringify(n.toString(UrlFormattingOption.RemovePassword))}${hidden})`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QUrl {
  type ParsingMode = import('./QUrl').ParsingMode;
  type UrlFormattingOption = import('./QUrl').UrlFormattingOption;
  type ComponentFormattingOption = import('./QUrl').ComponentFormattingOption;
  type UserInputResolutionOption = import('./QUrl').UserInputResolutionOption;
  type AceProcessingOption = import('./QUrl').AceProcessingOption;
}

function iterableOf<T>(method: string, arg: string, v: Iterable<T>): T[] {
  return checkIterable(method, arg, v, 'an iterable (an array)') as T[];
}

// @internal nativeOf: the native object inside a QUrl, for the classes that take one (read it,
// don't keep it); fromNative: a QUrl holding a copy of a native one.
const { adopt, nativeOf, fromNative } = valueKit<QUrl, NativeUrl>(QUrl, native.QUrl);
export { nativeOf, fromNative };

/** @internal A URL argument as PyQt6 takes it (a QUrl, or a str Qt parses), or a WHATWG URL. */
export function urlArg(method: string, arg: string, v: unknown): QUrl {
  return typeof v === 'string' ? new QUrl(v) : QUrl.from(method, arg, v);
}
