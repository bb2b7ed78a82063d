#include "control/journal.h"

#include "util/text.h"

namespace mockwiki::control {

bool is_secret_param(std::string_view name) {
  const std::string lower = util::lower_ascii(name);
  const std::string_view n = lower;
  // token, lgtoken, logintoken, createtoken, ...; password, lgpassword, retype; OATHToken;
  // captchaWord; the OpenID Connect code.
  return n.ends_with("token") || n.ends_with("password") || n == "retype" || n == "captchaword" || n == "code" ||
         n == "secret";
}

std::int64_t Journal::add(JournalEntry entry) {
  std::lock_guard lock(mutex_);
  entry.seq = next_seq_++;
  const std::int64_t seq = entry.seq;
  entries_.push_back(std::move(entry));
  if (entries_.size() > kCapacity) entries_.pop_front();
  return seq;
}

std::vector<JournalEntry> Journal::entries() const {
  std::lock_guard lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

void Journal::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace mockwiki::control
