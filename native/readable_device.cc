#include "readable_device.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace qtn {

ReadableDevice::ReadableDevice(std::function<void(qint64)> onRead, QObject* parent)
    : QIODevice(parent), onRead_(std::move(onRead)) {
  // Unbuffered: what Qt reads is what it has taken, so the reads JS hears of are Qt's own.
  open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void ReadableDevice::append(QByteArray chunk) {
  if (ended_ || chunk.isEmpty()) return;
  queued_ += chunk.size();
  chunks_.push_back(std::move(chunk));
  Q_EMIT readyRead();
}

void ReadableDevice::finish() {
  if (ended_) return;
  ended_ = true;
  // readyRead first: Qt, buffering a body without a Content-Length, stops at readChannelFinished
  // and keeps only what it had read, so it reads the rest (then the end) in this readyRead's slot.
  Q_EMIT readyRead();
  Q_EMIT readChannelFinished();
}

qint64 ReadableDevice::readData(char* data, qint64 maxSize) {
  if (queued_ == 0) return ended_ ? -1 : 0;
  qint64 done = 0;
  while (done < maxSize && !chunks_.empty()) {
    const QByteArray& c = chunks_.front();
    qint64 n = std::min<qint64>(maxSize - done, c.size() - front_);
    std::memcpy(data + done, c.constData() + front_, size_t(n));
    done += n;
    front_ += qsizetype(n);
    if (front_ == c.size()) {
      chunks_.pop_front();
      front_ = 0;
    }
  }
  queued_ -= done;
  read_ += done;
  if (done > 0 && onRead_) onRead_(read_);
  return done;
}

}  // namespace qtn
