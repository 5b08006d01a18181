// QHttpMultiPart: a multipart body (RFC 2046) for QNetworkAccessManager's post, put and
// sendCustomRequest. It keeps its content type, boundary and parts here; the request makes Qt's own
// QHttpMultiPart from them where the manager runs (native/http_multi_part.cc), so the bytes on the
// wire and the Content-Type header with the boundary are Qt's.
import { randomBytes } from 'node:crypto';
import { checkArity, checkEnum, describe, toBuffer, type BytesInput } from './core/args';
import type { NativeMultiPartBody } from './core/native';
import { QObject } from './core/QObject';
import { QHttpPart, httpPartArg, nativeOf as nativeOfPart } from './QHttpPart';

export enum ContentType {
  MixedType = 0,
  RelatedType = 1,
  FormDataType = 2,
  AlternativeType = 3,
}

function checkParent(method: string, parent: unknown): void {
  if (parent !== undefined && parent !== null)
    throw new TypeError(
      `${method}: argument 'parent' must be None (null); parents are not supported, got ${describe(parent)}`,
    );
}

export class QHttpMultiPart extends QObject {
  static readonly ContentType = ContentType;

  private _contentType = ContentType.MixedType;
  // Qt's default form: its prefix and 24 random bytes in Base64.
  private _boundary = Buffer.from(`boundary_.oOo._${randomBytes(24).toString('base64')}`, 'latin1');
  private readonly _parts: QHttpPart[] = [];

  /** QHttpMultiPart(parent = None) · QHttpMultiPart(contentType, parent = None): MixedType by default. */
  constructor(parent?: null);
  constructor(contentType: QHttpMultiPart.ContentType, parent?: null);
  constructor(contentType?: QHttpMultiPart.ContentType | null, parent?: null) {
    const method = 'QHttpMultiPart';
    checkArity(method, arguments, 0, 2);
    super();
    if (typeof contentType === 'number' || arguments.length === 2) {
      this._contentType = checkEnum(method, 'contentType', contentType, ContentType, 'QHttpMultiPart.ContentType');
      checkParent(method, parent);
    } else {
      checkParent(method, contentType);
    }
  }

  /** Adds a copy of `httpPart` (its body device is the same object). */
  append(httpPart: QHttpPart): void {
    const method = 'QHttpMultiPart.append';
    checkArity(method, arguments, 1, 1);
    this._parts.push(new QHttpPart(httpPartArg(method, 'httpPart', httpPart)));
  }

  /** The boundary between the parts: Qt's random one unless setBoundary set another. */
  boundary(): Buffer {
    checkArity('QHttpMultiPart.boundary', arguments, 0, 0);
    return Buffer.from(this._boundary);
  }

  /** Used as it is: it must not occur in any part (Qt does not check). */
  setBoundary(boundary: BytesInput): void {
    const method = 'QHttpMultiPart.setBoundary';
    checkArity(method, arguments, 1, 1);
    this._boundary = Buffer.from(toBuffer(method, 'boundary', boundary));
  }

  /** The multipart subtype Qt puts in the request's Content-Type (multipart/mixed, related, form-data, alternative). */
  setContentType(contentType: QHttpMultiPart.ContentType): void {
    const method = 'QHttpMultiPart.setContentType';
    checkArity(method, arguments, 1, 1);
    this._contentType = checkEnum(method, 'contentType', contentType, ContentType, 'QHttpMultiPart.ContentType');
  }

  /** @internal what Qt sends: the parts as they are now, each body device's state included. */
  _body(): NativeMultiPartBody {
    return {
      contentType: this._contentType,
      boundary: this._boundary,
      parts: this._parts.map((p) => nativeOfPart(p)),
      devices: this._parts.map((p) => p._deviceBody()),
    };
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QHttpMultiPart {
  type ContentType = import('./QHttpMultiPart').ContentType;
}
