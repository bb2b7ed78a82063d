// Injected faults (mockwiki/control.h): a list of FaultSpecs, each answering the next requests
// it matches until its count is spent. ApiMain asks for one per request.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockwiki/control.h"

namespace mockwiki::control {

// What a fault can be matched against, known once the request's session is loaded.
struct RequestFacts {
  std::string_view method;
  std::string_view action;
  std::vector<std::string> modules;  // the action, and query's meta/list/prop modules
  std::string_view account;          // empty: anonymous
  const std::vector<std::pair<std::string, std::string>>* params = nullptr;
  std::optional<std::int64_t> maxlag;  // the maxlag parameter, if it is an integer
};

// Where in a request a fault can show, in ApiMain's order; each fault has one place, and is
// only taken when the request gets there (a request that fails earlier leaves it pending).
enum class FaultStage {
  Arrival,      // before anything: http_NNN, reset, delay, truncated, assertuserfailed
  Token,        // the token check of a module that takes one: badtoken
  Permissions,  // the write-mode checks: readonly
  Maxlag,       // the maxlag check, for a request with maxlag below the fault's lag: maxlag
  Execute,      // the module about to run: ratelimited, internal_api_error_*
};
FaultStage stage_of(std::string_view fault);

// The status of an http_NNN fault; 0 for any other.
int http_fault_status(std::string_view name);

// Checks a spec's name and numbers; an error message, or nothing when it is good.
std::optional<std::string> validate(const FaultSpec& spec);

class FaultList {
 public:
  // Throws std::invalid_argument for a spec that validate() refuses.
  void add(FaultSpec spec);
  std::vector<FaultSpec> pending() const;  // with their remaining counts in `times`
  void clear();
  // False only when there is certainly no fault: a check without a lock, for every request.
  bool might_have_any() const { return !empty_.load(std::memory_order_acquire); }
  // The first pending fault for `stage` that matches the request, its count taken.
  std::optional<FaultSpec> take(const RequestFacts& request, FaultStage stage);

 private:
  mutable std::mutex mutex_;
  std::vector<FaultSpec> faults_;
  std::atomic<bool> empty_{true};  // so that requests do not lock while there are none
};

}  // namespace mockwiki::control
