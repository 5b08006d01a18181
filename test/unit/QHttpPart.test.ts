// QHttpPart: Qt's own equality (headers, body, the same body device) and bad input. What the parts
// put on the wire is compared with PyQt6 in test/parity/http_body.test.ts.
import { QBuffer, QHttpPart, QNetworkRequest, QTcpSocket } from '../../lib';

const H = QNetworkRequest.KnownHeaders;

test('a copy equals its original until either changes; the body device counts by identity', () => {
  const a = new QHttpPart();
  a.setHeader(H.ContentTypeHeader, 'text/plain');
  a.setRawHeader('X-A', '1');
  a.setBody('body');
  const b = new QHttpPart(a);
  expect(b.equals(a)).toBe(true);
  b.setBody('other');
  expect(b.equals(a)).toBe(false);
  b.setBody('body');
  expect(b.equals(a)).toBe(true);
  const device = new QBuffer();
  b.setBodyDevice(device);
  expect(b.equals(a)).toBe(false);
  a.setBodyDevice(device);
  expect(b.equals(a)).toBe(true);
  a.setBodyDevice(new QBuffer());
  expect(b.equals(a)).toBe(false);
  // null (PyQt6's None) removes the device: the body bytes count again.
  a.setBodyDevice(null);
  b.setBodyDevice(null);
  expect(b.equals(a)).toBe(true);
  expect(new QHttpPart().equals(new QHttpPart())).toBe(true);
  expect(a.equals('a part')).toBe(false);
});

test('swap exchanges headers, bodies and devices', () => {
  const a = new QHttpPart();
  a.setBody('a');
  const b = new QHttpPart();
  b.setBodyDevice(new QBuffer());
  const [a0, b0] = [new QHttpPart(a), new QHttpPart(b)];
  a.swap(b);
  expect([a.equals(b0), b.equals(a0), a.equals(a0)]).toEqual([true, true, false]);
});

test('bad input is a TypeError naming the method and the argument', () => {
  const p = new QHttpPart();
  expect(() => new QHttpPart('x' as never)).toThrow(/^QHttpPart: argument 'other' must be a QHttpPart, got string/);
  // @ts-expect-error: one argument too many, on purpose
  expect(() => new QHttpPart(p, p)).toThrow(TypeError);
  expect(() => p.setBody(5 as never)).toThrow(/^QHttpPart\.setBody: argument 'body' must be .*got number 5/);
  // @ts-expect-error: no argument, on purpose
  expect(() => p.setBody()).toThrow(TypeError);
  expect(() => p.setHeader(99 as never, 'x')).toThrow(
    /^QHttpPart\.setHeader: argument 'header' must be a QNetworkRequest\.KnownHeaders member, got number 99/,
  );
  expect(() => p.setHeader(H.ContentTypeHeader, {} as never)).toThrow(/^QHttpPart\.setHeader: argument 'value'/);
  expect(() => p.setRawHeader('X', 5 as never)).toThrow(/^QHttpPart\.setRawHeader: argument 'headerValue'/);
  expect(() => p.setRawHeader(null as never, 'v')).toThrow(/^QHttpPart\.setRawHeader: argument 'headerName'/);
  expect(() => p.setBodyDevice('bytes' as never)).toThrow(
    /^QHttpPart\.setBodyDevice: argument 'device' must be a QBuffer, got string/,
  );
  expect(() => p.setBodyDevice(undefined as never)).toThrow(/argument 'device' must be a QBuffer, got undefined/);
  // A socket is a QIODevice, but its bytes arrive in JS: refused, and the message says why.
  const socket = new QTcpSocket();
  expect(() => p.setBodyDevice(socket as never)).toThrow(/must be a QBuffer, got QTcpSocket object: .*arrive in JS/);
  expect(() => p.swap({} as never)).toThrow(/^QHttpPart\.swap: argument 'other' must be a QHttpPart/);
  socket.close();
});
