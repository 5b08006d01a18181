// QNetworkCookieJar: Qt's own cookie jar, living where the managers and their HTTP stack live
// (native/network_cookie_jar.cc): Qt stores what a Set-Cookie header sets there and reads the
// Cookie header of each request from it. Each method is a sync call that answers as Qt does.
// Qt calling a JS subclass's overrides (cookiesForUrl, setCookiesFromUrl) is not supported: the
// manager uses Qt's own implementation (README, Differences from PyQt6).
import { checkArity, checkIterableOf } from './core/args';
import { Handle } from './core/handle';
import type { NativeCookieJar, NativeNetworkCookie } from './core/native';
import { ReplyEvent as Ev } from './core/protocol';
import { QObject } from './core/QObject';
import { native } from './core/runtime';
import { madeSignal } from './core/signal';
import { QNetworkCookie, adopt as adoptCookie, cookieArg, nativeOf as nativeOfCookie } from './QNetworkCookie';
import { QUrl, nativeOf as nativeOfUrl, urlArg } from './QUrl';

/** An iterable of QNetworkCookie (PyQt6 takes any Python iterable), as the native cookies. */
function cookieListArg(method: string, arg: string, v: unknown): NativeNetworkCookie[] {
  return checkIterableOf(method, arg, v, QNetworkCookie).map(nativeOfCookie);
}

export class QNetworkCookieJar extends QObject {
  private readonly h: Handle<NativeCookieJar, never>;

  /** QNetworkCookieJar(parent = None). */
  constructor(parent?: null) {
    checkArity('QNetworkCookieJar', arguments, 0, 1);
    if (parent !== undefined && parent !== null)
      throw new TypeError("QNetworkCookieJar: argument 'parent' must be None (null); parents are not supported");
    super();
    this.h = new Handle(this, new native.QNetworkCookieJar());
  }

  /** @internal */
  onEvent(kind: number): void {
    if (kind !== Ev.Destroyed) return;
    this.h.destroyed();
    madeSignal(this, 'destroyed')?.emit(this);
  }

  /** @internal the native jar (for QNetworkAccessManager.setCookieJar); null once deleted. */
  _native(): NativeCookieJar | null {
    return this.h.gone ? null : this.h.native;
  }

  /** Every cookie the jar holds, expired ones included (Qt drops those only when it sends cookies). */
  allCookies(): QNetworkCookie[] {
    checkArity('QNetworkCookieJar.allCookies', arguments, 0, 0);
    return this.h.gone ? [] : this.h.native.allCookies().map(adoptCookie);
  }

  /** Replaces every cookie, unchecked. */
  setAllCookies(cookieList: Iterable<QNetworkCookie>): void {
    const method = 'QNetworkCookieJar.setAllCookies';
    checkArity(method, arguments, 1, 1);
    const list = cookieListArg(method, 'cookieList', cookieList);
    if (!this.h.gone) this.h.native.setAllCookies(list);
  }

  /** The cookies Qt would send to `url`: matching domain, path and scheme, not expired, most specific path first. */
  cookiesForUrl(url: QUrl | URL | string): QNetworkCookie[] {
    const method = 'QNetworkCookieJar.cookiesForUrl';
    checkArity(method, arguments, 1, 1);
    const u = nativeOfUrl(urlArg(method, 'url', url));
    return this.h.gone ? [] : this.h.native.cookiesForUrl(u).map(adoptCookie);
  }

  /** As if `url` had sent these cookies: each is normalised and validated; true if any was kept. */
  setCookiesFromUrl(cookieList: Iterable<QNetworkCookie>, url: QUrl | URL | string): boolean {
    const method = 'QNetworkCookieJar.setCookiesFromUrl';
    checkArity(method, arguments, 2, 2);
    const list = cookieListArg(method, 'cookieList', cookieList);
    const u = nativeOfUrl(urlArg(method, 'url', url));
    return !this.h.gone && this.h.native.setCookiesFromUrl(list, u) === true;
  }

  /** Adds the cookie, replacing one of the same identifier; an expired one only removes that. */
  insertCookie(cookie: QNetworkCookie): boolean {
    const method = 'QNetworkCookieJar.insertCookie';
    checkArity(method, arguments, 1, 1);
    const c = nativeOfCookie(cookieArg(method, 'cookie', cookie));
    return !this.h.gone && this.h.native.insertCookie(c) === true;
  }

  /** Replaces the cookie of the same identifier; false (and nothing added) if there is none. */
  updateCookie(cookie: QNetworkCookie): boolean {
    const method = 'QNetworkCookieJar.updateCookie';
    checkArity(method, arguments, 1, 1);
    const c = nativeOfCookie(cookieArg(method, 'cookie', cookie));
    return !this.h.gone && this.h.native.updateCookie(c) === true;
  }

  /** Removes the cookie of the same identifier; false if there is none. */
  deleteCookie(cookie: QNetworkCookie): boolean {
    const method = 'QNetworkCookieJar.deleteCookie';
    checkArity(method, arguments, 1, 1);
    const c = nativeOfCookie(cookieArg(method, 'cookie', cookie));
    return !this.h.gone && this.h.native.deleteCookie(c) === true;
  }

  /** Whether `url` may set the cookie (its domain, against the public-suffix list). */
  validateCookie(cookie: QNetworkCookie, url: QUrl | URL | string): boolean {
    const method = 'QNetworkCookieJar.validateCookie';
    checkArity(method, arguments, 2, 2);
    const c = nativeOfCookie(cookieArg(method, 'cookie', cookie));
    const u = nativeOfUrl(urlArg(method, 'url', url));
    return !this.h.gone && this.h.native.validateCookie(c, u) === true;
  }

  /** Frees the Qt jar; a manager still using it gets a fresh, empty one. */
  deleteLater(): void {
    this.h.deleteLater();
  }
}
