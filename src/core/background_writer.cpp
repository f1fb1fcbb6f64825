#include "core/background_writer.hpp"

namespace hci {

BackgroundWriter::BackgroundWriter(DatasetSink& target, size_t batch_size, size_t queue_batches)
    : target_(target), batch_size_(batch_size), queue_batches_(queue_batches), writer_([this] { write_batches(); }) {
  current_.slots.reserve(batch_size_);
}

BackgroundWriter::~BackgroundWriter() { stop(); }

void BackgroundWriter::hand_over() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < queue_batches_ || failure_; });
  if (failure_) {
    lock.unlock();
    rethrow_failure();
  }
  queue_.push_back(std::move(current_));
  current_ = take_spare_batch();
  changed_.notify_all();
}

BackgroundWriter::Batch BackgroundWriter::take_spare_batch() {
  if (spare_.empty()) {
    Batch fresh;
    fresh.slots.reserve(batch_size_);
    return fresh;
  }
  Batch spare = std::move(spare_.back());
  spare_.pop_back();
  return spare;
}

void BackgroundWriter::write_batches() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
    }
    try {
      target_.receive_batch(std::span(batch.slots.data(), batch.size));
      batch.size = 0;
      std::lock_guard lock(mutex_);
      spare_.push_back(std::move(batch));
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      queue_.clear();
      changed_.notify_all();
      return;
    }
  }
}

void BackgroundWriter::finish() {
  if (current_.size > 0) hand_over();
  stop();
  rethrow_failure();
}

void BackgroundWriter::stop() noexcept {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    changed_.notify_all();
  }
  if (writer_.joinable()) writer_.join();
}

void BackgroundWriter::rethrow_failure() {
  std::exception_ptr failure;
  {
    std::lock_guard lock(mutex_);
    failure = failure_;
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace hci
