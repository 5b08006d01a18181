// QHttpMultiPart's own state (content type, boundary, parts) and bad input, and the bodies
// QNetworkAccessManager refuses. The requests themselves are compared with PyQt6 in
// test/parity/http_body.test.ts.
import { QBuffer, QHttpMultiPart, QHttpPart, QNetworkAccessManager, QNetworkRequest, QTcpSocket } from '../../lib';

test("the default boundary has Qt's form (prefix and 24 random bytes in Base64), new for each", () => {
  const a = new QHttpMultiPart().boundary().toString('latin1');
  const b = new QHttpMultiPart(QHttpMultiPart.ContentType.FormDataType).boundary().toString('latin1');
  expect(a).toMatch(/^boundary_\.oOo\._[A-Za-z0-9+/]{32}$/);
  expect(b).toMatch(/^boundary_\.oOo\._[A-Za-z0-9+/]{32}$/);
  expect(a).not.toBe(b);
});

test('setBoundary is kept as given; boundary() is a copy', () => {
  const mp = new QHttpMultiPart(null);
  mp.setBoundary(Buffer.from('my-boundary'));
  const got = mp.boundary();
  got.fill(0);
  expect(mp.boundary().toString()).toBe('my-boundary');
  mp.setBoundary('');
  expect(mp.boundary().length).toBe(0);
});

test('ContentType has PyQt6 values', () => {
  expect(QHttpMultiPart.ContentType).toMatchObject({
    MixedType: 0,
    RelatedType: 1,
    FormDataType: 2,
    AlternativeType: 3,
  });
});

test('bad input is a TypeError naming the method and the argument', () => {
  expect(() => new QHttpMultiPart(7 as never)).toThrow(
    /^QHttpMultiPart: argument 'contentType' must be a QHttpMultiPart\.ContentType member, got number 7/,
  );
  expect(() => new QHttpMultiPart({} as never)).toThrow(/^QHttpMultiPart: argument 'parent' must be None/);
  expect(() => new QHttpMultiPart(2, {} as never)).toThrow(/^QHttpMultiPart: argument 'parent' must be None/);
  // @ts-expect-error: one argument too many, on purpose
  expect(() => new QHttpMultiPart(2, null, null)).toThrow(TypeError);
  const mp = new QHttpMultiPart();
  expect(() => mp.append('part' as never)).toThrow(
    /^QHttpMultiPart\.append: argument 'httpPart' must be a QHttpPart, got string/,
  );
  expect(() => mp.setBoundary(1 as never)).toThrow(/^QHttpMultiPart\.setBoundary: argument 'boundary'/);
  expect(() => mp.setContentType('form' as never)).toThrow(/^QHttpMultiPart\.setContentType: argument 'contentType'/);
});

describe('QNetworkAccessManager bodies', () => {
  const nam = new QNetworkAccessManager();
  const request = new QNetworkRequest('http://127.0.0.1:1/');
  afterAll(() => nam.deleteLater());

  test('a body that is not bytes, a QBuffer, a QHttpMultiPart or a stream is a TypeError naming the argument', () => {
    const what =
      /must be bytes \(a Buffer, Uint8Array, QByteArray or string\), a QBuffer, a QHttpMultiPart or a stream \(a stream\.Readable, a ReadableStream or an async iterable of bytes\)/;
    expect(() => nam.post(request, 5 as never)).toThrow(what);
    expect(() => nam.post(request, 5 as never)).toThrow(/^QNetworkAccessManager\.post: argument 'data' .*got number 5/);
    expect(() => nam.put(request, {} as never)).toThrow(/^QNetworkAccessManager\.put: argument 'data' .*got Object/);
    expect(() => nam.post(request, null as never)).toThrow(/got null/);
    expect(() => nam.sendCustomRequest(request, 'PATCH', new QHttpPart() as never)).toThrow(
      /^QNetworkAccessManager\.sendCustomRequest: argument 'data' .*got QHttpPart object/,
    );
  });

  test('a socket as a body device is refused: its bytes arrive in JS', () => {
    const socket = new QTcpSocket();
    expect(() => nam.post(request, socket as never)).toThrow(
      /^QNetworkAccessManager\.post: argument 'data' must be a QBuffer, got QTcpSocket object: .*arrive in JS/,
    );
    socket.close();
  });

  test('a request that is not a QNetworkRequest is a TypeError, with a valid body too', () => {
    expect(() => nam.post('http://x/' as never, new QBuffer())).toThrow(
      /^QNetworkAccessManager\.post: argument 'request' must be a QNetworkRequest/,
    );
  });
});
