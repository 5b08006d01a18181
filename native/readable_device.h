// ReadableDevice: the QIODevice Qt reads a request body from when JS streams it (a Node Readable or
// an async iterable: lib/core/requestBody.ts). Sequential: JS appends chunks as they come and ends
// it; Qt reads them as its HTTP stack sends them, and each read is reported (onRead) so that JS can
// pause its source while what it sent and Qt has not read passes a high-water mark.
#pragma once

#include <QByteArray>
#include <QIODevice>

#include <deque>
#include <functional>

namespace qtn {

class ReadableDevice : public QIODevice {
 public:
  // onRead(total): Qt has read `total` bytes of the body so far (called inside Qt's read).
  explicit ReadableDevice(std::function<void(qint64)> onRead, QObject* parent = nullptr);

  // A chunk from JS: Qt may read it now (readyRead).
  void append(QByteArray chunk);
  // The source ended: once Qt has read what is left, reads answer -1 (the end), as Qt expects.
  void finish();

  bool isSequential() const override { return true; }
  qint64 bytesAvailable() const override { return queued_ + QIODevice::bytesAvailable(); }
  bool atEnd() const override { return ended_ && queued_ == 0 && QIODevice::bytesAvailable() == 0; }

 protected:
  qint64 readData(char* data, qint64 maxSize) override;
  qint64 writeData(const char*, qint64) override { return -1; }

 private:
  std::function<void(qint64)> onRead_;
  std::deque<QByteArray> chunks_;
  qsizetype front_ = 0;  // bytes of chunks_.front() already read
  qint64 queued_ = 0;    // bytes appended and not yet read
  qint64 read_ = 0;      // bytes read so far
  bool ended_ = false;
};

}  // namespace qtn
