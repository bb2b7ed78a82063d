// The journal (mockwiki/control.h): every request in arrival order, with secrets redacted. It
// keeps the last kCapacity entries, so a long-running standalone mock does not grow without end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "mockwiki/control.h"

namespace mockwiki::control {

// Whether a parameter's value is a secret the journal must not show: passwords, tokens, TOTP
// codes, captcha answers.
bool is_secret_param(std::string_view name);

class Journal {
 public:
  static constexpr std::size_t kCapacity = 20000;

  // Numbers the entry (seq) and keeps it; returns the number.
  std::int64_t add(JournalEntry entry);
  std::vector<JournalEntry> entries() const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  std::int64_t next_seq_ = 1;
};

}  // namespace mockwiki::control
