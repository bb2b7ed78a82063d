#include "control/faults.h"

#include <algorithm>
#include <stdexcept>

namespace mockwiki::control {
namespace {

constexpr std::string_view kNames[] = {"maxlag",           "ratelimited", "readonly", "badtoken",
                                       "assertuserfailed", "delay",       "reset",    "truncated"};

bool http_fault(std::string_view name, int* status = nullptr) {
  if (!name.starts_with("http_") || name.size() != 8) return false;
  int value = 0;
  for (char c : name.substr(5)) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value < 400 || value > 599) return false;
  if (status) *status = value;
  return true;
}

bool matches(const FaultMatch& match, const RequestFacts& request) {
  if (!match.action.empty() && match.action != request.action) return false;
  if (!match.module.empty() &&
      std::find(request.modules.begin(), request.modules.end(), match.module) == request.modules.end()) {
    return false;
  }
  if (!match.method.empty() && match.method != request.method) return false;
  if (!match.account.empty() && match.account != request.account) return false;
  for (const auto& [name, value] : match.params) {
    const bool found =
        request.params && std::any_of(request.params->begin(), request.params->end(),
                                      [&](const auto& p) { return p.first == name && p.second == value; });
    if (!found) return false;
  }
  return true;
}

}  // namespace

FaultStage stage_of(std::string_view fault) {
  if (fault == "badtoken") return FaultStage::Token;
  if (fault == "readonly") return FaultStage::Permissions;
  if (fault == "maxlag") return FaultStage::Maxlag;
  if (fault == "ratelimited" || fault.starts_with("internal_api_error_")) return FaultStage::Execute;
  return FaultStage::Arrival;
}

std::optional<std::string> validate(const FaultSpec& spec) {
  const bool known = std::find(std::begin(kNames), std::end(kNames), spec.fault) != std::end(kNames) ||
                     http_fault(spec.fault) ||
                     (spec.fault.starts_with("internal_api_error_") && spec.fault.size() > 19);
  if (!known) {
    return "unknown fault \"" + spec.fault +
           "\" (known: maxlag, ratelimited, readonly, badtoken, assertuserfailed, internal_api_error_CLASS, "
           "http_500 and other http_4xx/5xx, delay, reset, truncated)";
  }
  if (spec.fault == "maxlag" && spec.lag < 0) return "lag must be 0 or more";
  if (spec.fault == "delay" && (spec.delay_ms < 0 || spec.delay_ms > 600000)) {
    return "delay_ms must be from 0 to 600000";
  }
  if (!spec.match.method.empty() && spec.match.method != "GET" && spec.match.method != "POST" &&
      spec.match.method != "HEAD" && spec.match.method != "OPTIONS" && spec.match.method != "PUT" &&
      spec.match.method != "DELETE" && spec.match.method != "PATCH") {
    return "unknown HTTP method \"" + spec.match.method + "\"";
  }
  return std::nullopt;
}

void FaultList::add(FaultSpec spec) {
  if (auto error = validate(spec)) throw std::invalid_argument(*error);
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(spec));
  empty_ = false;
}

std::vector<FaultSpec> FaultList::pending() const {
  std::lock_guard lock(mutex_);
  return faults_;
}

void FaultList::clear() {
  std::lock_guard lock(mutex_);
  faults_.clear();
  empty_ = true;
}

std::optional<FaultSpec> FaultList::take(const RequestFacts& request, FaultStage stage) {
  if (empty_.load(std::memory_order_acquire)) return std::nullopt;
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (stage_of(it->fault) != stage || !matches(it->match, request)) continue;
    // Only a request whose maxlag is below the lag can see the error (ApiMain::checkMaxLag).
    if (it->fault == "maxlag" && !(request.maxlag && *request.maxlag < it->lag)) continue;
    FaultSpec taken = *it;
    if (it->times > 0 && --it->times == 0) faults_.erase(it);
    empty_ = faults_.empty();
    return taken;
  }
  return std::nullopt;
}

int http_fault_status(std::string_view name) {
  int status = 0;
  return http_fault(name, &status) ? status : 0;
}

}  // namespace mockwiki::control
