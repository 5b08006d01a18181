// QNetworkRequest: for now only its KnownHeaders enum, which QNetworkProxy.header() and setHeader()
// take. The request class itself belongs with QNetworkAccessManager, which this package does not
// cover, so there is deliberately no constructor here.

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace QNetworkRequest {
  /** PyQt6's QNetworkRequest.KnownHeaders, with its values. */
  export enum KnownHeaders {
    ContentTypeHeader = 0,
    ContentLengthHeader = 1,
    LocationHeader = 2,
    LastModifiedHeader = 3,
    CookieHeader = 4,
    SetCookieHeader = 5,
    ContentDispositionHeader = 6,
    UserAgentHeader = 7,
    ServerHeader = 8,
    IfModifiedSinceHeader = 9,
    ETagHeader = 10,
    IfMatchHeader = 11,
    IfNoneMatchHeader = 12,
  }
}
