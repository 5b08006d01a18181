// QAbstractNetworkCache: PyQt6's base of the caches a QNetworkAccessManager reads and writes.
// The cache Qt can use here is QNetworkDiskCache (lib/QNetworkDiskCache.ts): Qt calling a JS
// subclass's reimplementations is not supported (README, Differences from PyQt6), so this class
// only names the interface the caches share.
import { checkArity } from './core/args';
import type { QIODevice } from './core/QIODevice';
import { QObject } from './core/QObject';
import type { QBuffer } from './QBuffer';
import type { QNetworkCacheMetaData } from './QNetworkCacheMetaData';
import type { QUrl } from './QUrl';

export abstract class QAbstractNetworkCache extends QObject {
  /** QAbstractNetworkCache(parent = None), for subclasses. */
  constructor(parent?: null) {
    if (new.target === QAbstractNetworkCache)
      throw new TypeError('QAbstractNetworkCache is abstract: a manager uses a QNetworkDiskCache');
    checkArity(new.target.name, arguments, 0, 1);
    if (parent !== undefined && parent !== null)
      throw new TypeError(`${new.target.name}: argument 'parent' must be None (null); parents are not supported`);
    super();
  }

  /** The bytes the cache holds. */
  abstract cacheSize(): number;
  abstract clear(): void;
  /** The cached body of `url`, as a QBuffer open for reading, or null. */
  abstract data(url: QUrl | URL | string): QBuffer | null;
  /** Stores the entry whose device prepare() gave. */
  abstract insert(device: QIODevice): void;
  abstract metaData(url: QUrl | URL | string): QNetworkCacheMetaData;
  /** A device to write a new entry's body to, then give to insert(); null if the cache refuses it. */
  abstract prepare(metaData: QNetworkCacheMetaData): QBuffer | null;
  abstract remove(url: QUrl | URL | string): boolean;
  abstract updateMetaData(metaData: QNetworkCacheMetaData): void;
}
