// The response being built, as MediaWiki's ApiResult holds it: top-level members in order,
// where a member added "on top" (ApiResult::ADD_ON_TOP) goes first.
//
// Values use MediaWiki's formatversion=2 shapes. Two metadata members steer the
// formatversion=1 transformation in the printer and never reach the client:
//   "_content": "<member>"   that member is the node's content text ("*" in formatversion 1)
//   "_bcbools": [...]        booleans that formatversion 1 keeps as booleans
//   "_type": "BCassoc"       an object in formatversion 2, a list of its values in 1
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/message.h"

namespace mockwiki::api {

inline constexpr const char* kContentKey = "_content";
inline constexpr const char* kBcBoolsKey = "_bcbools";
inline constexpr const char* kTypeKey = "_type";

class ApiResult {
 public:
  enum class Place { Append, OnTop };

  // Sets a top-level member; an existing one is overwritten in its place, a new one goes last
  // or, OnTop, first.
  Json& set(std::string_view key, Json value, Place place = Place::Append);
  // The member, or nullptr.
  Json* find(std::string_view key);
  const Json* find(std::string_view key) const;
  // The member as an object, created at the end if missing (ApiResult::addValue with a path).
  Json& object(std::string_view key);
  void erase(std::string_view key);
  void clear() { members_.clear(); }

  Json to_json() const;

 private:
  std::vector<std::pair<std::string, Json>> members_;
};

}  // namespace mockwiki::api
