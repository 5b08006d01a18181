// QNetworkDiskCache: Qt's own disk cache, living where the managers and their HTTP stack live
// (native/network_disk_cache.cc): a manager given it with setCache stores replies there and answers
// from it as Qt does. Each method is a sync call that answers as Qt does. Where Qt hands out a
// QIODevice, JS gets a QBuffer (README, Differences from PyQt6): data() holds the cached bytes, and
// what is written to prepare()'s goes to Qt's own device when it is given to insert().
import { checkArity, checkInt, checkString, describe } from './core/args';
import { Handle } from './core/handle';
import type { NativeDiskCache } from './core/native';
import { ReplyEvent as Ev } from './core/protocol';
import { OpenModeFlag, QIODevice } from './core/QIODevice';
import { native } from './core/runtime';
import { madeSignal } from './core/signal';
import { QAbstractNetworkCache } from './QAbstractNetworkCache';
import { QBuffer } from './QBuffer';
import { QByteArray } from './QByteArray';
import {
  QNetworkCacheMetaData,
  fromNative as metaDataFromNative,
  nativeOf as nativeOfMetaData,
} from './QNetworkCacheMetaData';
import { QUrl, nativeOf as nativeOfUrl, urlArg } from './QUrl';

// qint64 sizes as JS numbers: the safe integers.
const SIZE_MAX = Number.MAX_SAFE_INTEGER;

function metaDataArg(method: string, v: unknown): QNetworkCacheMetaData {
  if (!(v instanceof QNetworkCacheMetaData))
    throw new TypeError(`${method}: argument 'metaData' must be a QNetworkCacheMetaData, got ${describe(v)}`);
  return v;
}

export class QNetworkDiskCache extends QAbstractNetworkCache {
  private readonly h: Handle<NativeDiskCache, never>;
  // The devices prepare() gave, with the number of Qt's device each stands for.
  private readonly prepared = new WeakMap<QIODevice, number>();

  /** QNetworkDiskCache(parent = None). */
  constructor(parent?: null) {
    super(parent);
    this.h = new Handle(this, new native.QNetworkDiskCache());
  }

  /** @internal */
  onEvent(kind: number): void {
    if (kind !== Ev.Destroyed) return;
    this.h.destroyed();
    madeSignal(this, 'destroyed')?.emit(this);
  }

  /** @internal the native cache (for QNetworkAccessManager.setCache); null once deleted. */
  _native(): NativeDiskCache | null {
    return this.h.gone ? null : this.h.native;
  }

  /** The directory as Qt keeps it (absolute, ending with '/'); '' until set. */
  cacheDirectory(): string {
    checkArity('QNetworkDiskCache.cacheDirectory', arguments, 0, 0);
    return this.h.gone ? '' : this.h.native.cacheDirectory();
  }

  /** Where the entries are kept; Qt stores nothing until it is set. */
  setCacheDirectory(cacheDir: string): void {
    const method = 'QNetworkDiskCache.setCacheDirectory';
    checkArity(method, arguments, 1, 1);
    checkString(method, 'cacheDir', cacheDir);
    if (!this.h.gone) this.h.native.setCacheDirectory(cacheDir);
  }

  /** Bytes; 50 MiB by default. */
  maximumCacheSize(): number {
    checkArity('QNetworkDiskCache.maximumCacheSize', arguments, 0, 0);
    return this.h.gone ? 0 : (this.h.native.maximumCacheSize() ?? 0);
  }

  /** Qt expires the oldest entries at once if the cache holds more. */
  setMaximumCacheSize(size: number): void {
    const method = 'QNetworkDiskCache.setMaximumCacheSize';
    checkArity(method, arguments, 1, 1);
    checkInt(method, 'size', size, -SIZE_MAX, SIZE_MAX);
    if (!this.h.gone) this.h.native.setMaximumCacheSize(size);
  }

  cacheSize(): number {
    checkArity('QNetworkDiskCache.cacheSize', arguments, 0, 0);
    return this.h.gone ? 0 : (this.h.native.cacheSize() ?? 0);
  }

  /**
   * Qt's expire (protected in C++, public in PyQt6): removes the oldest entries until the cache
   * holds less than 90% of its maximum, and answers the size then.
   */
  expire(): number {
    checkArity('QNetworkDiskCache.expire', arguments, 0, 0);
    return this.h.gone ? 0 : (this.h.native.expire() ?? 0);
  }

  /** Removes every entry (the files in the cache directory). */
  clear(): void {
    checkArity('QNetworkDiskCache.clear', arguments, 0, 0);
    if (!this.h.gone) this.h.native.clear();
  }

  /** What the cache keeps about `url`: an invalid QNetworkCacheMetaData if nothing. */
  metaData(url: QUrl | URL | string): QNetworkCacheMetaData {
    const method = 'QNetworkDiskCache.metaData';
    checkArity(method, arguments, 1, 1);
    const u = nativeOfUrl(urlArg(method, 'url', url));
    return this.h.gone ? new QNetworkCacheMetaData() : metaDataFromNative(this.h.native.metaData(u));
  }

  /** The metadata of one of the cache's files (a path in the cache directory). */
  fileMetaData(fileName: string): QNetworkCacheMetaData {
    const method = 'QNetworkDiskCache.fileMetaData';
    checkArity(method, arguments, 1, 1);
    checkString(method, 'fileName', fileName);
    return this.h.gone ? new QNetworkCacheMetaData() : metaDataFromNative(this.h.native.fileMetaData(fileName));
  }

  /** Replaces the metadata of the entry of metaData.url(), if there is one. */
  updateMetaData(metaData: QNetworkCacheMetaData): void {
    const method = 'QNetworkDiskCache.updateMetaData';
    checkArity(method, arguments, 1, 1);
    const md = nativeOfMetaData(metaDataArg(method, metaData));
    if (!this.h.gone) this.h.native.updateMetaData(md);
  }

  /** Removes the entry of `url` (or an entry being prepared for it); false if there was none. */
  remove(url: QUrl | URL | string): boolean {
    const method = 'QNetworkDiskCache.remove';
    checkArity(method, arguments, 1, 1);
    const u = nativeOfUrl(urlArg(method, 'url', url));
    return !this.h.gone && this.h.native.remove(u) === true;
  }

  /** The cached body of `url` in a QBuffer open for reading (Qt gives a QIODevice), or null. */
  data(url: QUrl | URL | string): QBuffer | null {
    const method = 'QNetworkDiskCache.data';
    checkArity(method, arguments, 1, 1);
    const u = nativeOfUrl(urlArg(method, 'url', url));
    const bytes = this.h.gone ? null : this.h.native.data(u);
    if (bytes === null) return null;
    const b = new QBuffer(QByteArray.from(bytes));
    b.open(OpenModeFlag.ReadOnly);
    return b;
  }

  /**
   * Qt's prepare: null when Qt refuses the entry (invalid metadata or URL, saveToDisk false, no
   * cache directory, a Content-Length above 3/4 of the maximum); else a QBuffer open for writing
   * the body, stored by insert(device).
   */
  prepare(metaData: QNetworkCacheMetaData): QBuffer | null {
    const method = 'QNetworkDiskCache.prepare';
    checkArity(method, arguments, 1, 1);
    const md = nativeOfMetaData(metaDataArg(method, metaData));
    const n = this.h.gone ? null : this.h.native.prepare(md);
    if (n === null) return null;
    const b = new QBuffer();
    b.open(OpenModeFlag.ReadWrite);
    this.prepared.set(b, n);
    return b;
  }

  /** Stores the entry prepare() gave `device` for, with the bytes written to it; any other device is ignored, as in Qt. */
  insert(device: QIODevice): void {
    const method = 'QNetworkDiskCache.insert';
    checkArity(method, arguments, 1, 1);
    if (!(device instanceof QIODevice))
      throw new TypeError(`${method}: argument 'device' must be a QIODevice, got ${describe(device)}`);
    const n = this.prepared.get(device);
    if (n === undefined) return;
    this.prepared.delete(device);
    if (!this.h.gone) this.h.native.insert(n, (device as QBuffer).data());
  }

  /** Frees the Qt cache (its files stay); a manager using it then has no cache. */
  deleteLater(): void {
    this.h.deleteLater();
  }
}
