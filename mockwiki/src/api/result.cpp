#include "api/result.h"

#include <algorithm>

namespace mockwiki::api {

Json& ApiResult::set(std::string_view key, Json value, Place place) {
  // An existing member is overwritten where it is; "on top" places only a new one.
  auto it = std::find_if(members_.begin(), members_.end(), [&](const auto& m) { return m.first == key; });
  if (it != members_.end()) {
    it->second = std::move(value);
    return it->second;
  }
  if (place == Place::OnTop) {
    members_.emplace(members_.begin(), std::string(key), std::move(value));
    return members_.front().second;
  }
  members_.emplace_back(std::string(key), std::move(value));
  return members_.back().second;
}

Json* ApiResult::find(std::string_view key) {
  for (auto& [name, value] : members_) {
    if (name == key) return &value;
  }
  return nullptr;
}

const Json* ApiResult::find(std::string_view key) const {
  for (const auto& [name, value] : members_) {
    if (name == key) return &value;
  }
  return nullptr;
}

Json& ApiResult::object(std::string_view key) {
  if (Json* existing = find(key)) return *existing;
  return set(key, Json::object());
}

void ApiResult::erase(std::string_view key) {
  members_.erase(std::remove_if(members_.begin(), members_.end(), [&](const auto& m) { return m.first == key; }),
                 members_.end());
}

Json ApiResult::to_json() const {
  Json root = Json::object();
  for (const auto& [name, value] : members_) root[name] = value;
  return root;
}

}  // namespace mockwiki::api
