#pragma once
// Overlaps parsing and database writes: records are batched and written on a second thread.

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/dataset_sink.hpp"

namespace hci {

/// A DatasetSink that copies records into batches and hands them, through a bounded queue, to a
/// thread that writes them into `target`. Memory stays bounded (queue_batches x batch_size records), and
/// written batches come back to be refilled: a record is copied over the one in its slot, so a long
/// load reuses the same strings' buffers instead of allocating and freeing them for every record.
/// A failure in the writer is rethrown by the next add() or by finish(). `target` must not be used
/// by anyone else until finish() returns; the destructor stops the thread without rethrowing.
class BackgroundWriter : public DatasetSink {
 public:
  explicit BackgroundWriter(DatasetSink& target, size_t batch_size = 4096, size_t queue_batches = 4);
  ~BackgroundWriter() override;
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  void receive(RecordRef record) override {
    std::visit([this](const auto* r) { push(*r); }, record);
  }

  /// Writes what is still queued, stops the thread and rethrows the writer's failure, if any.
  void finish();

 private:
  using Record = DatasetRecords::Value;
  // Records in slots [0, size); the slots after them keep earlier records' buffers for reuse.
  struct Batch {
    std::vector<Record> slots;
    size_t size = 0;
  };

  template <typename T>
  void push(const T& record) {
    if (current_.size < current_.slots.size()) {
      current_.slots[current_.size] = record;  // same type as before: assigns into its buffers
    } else {
      current_.slots.emplace_back(record);
    }
    if (++current_.size >= batch_size_) hand_over();
  }
  void hand_over();
  Batch take_spare_batch();
  void write_batches();
  void stop() noexcept;
  void rethrow_failure();

  DatasetSink& target_;
  const size_t batch_size_;
  const size_t queue_batches_;
  Batch current_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  std::vector<Batch> spare_;  // written and emptied batches, their capacity kept for the producer
  bool closing_ = false;
  std::exception_ptr failure_;
  std::thread writer_;
};

}  // namespace hci
