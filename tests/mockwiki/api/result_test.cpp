// The result being built (mockwiki/src/api/result.h), as ApiResult::addValue and setValue
// (includes/api/ApiResult.php) order top-level members.
#include "api/result.h"

#include <gtest/gtest.h>

namespace mockwiki::api {
namespace {

TEST(ApiResultTest, NewMembersAreAppendedInOrder) {
  ApiResult result;
  result.set("batchcomplete", true);
  result.set("query", Json::object());
  result.set("continue", Json{{"continue", "-||"}});
  EXPECT_EQ(result.to_json().dump(), R"({"batchcomplete":true,"query":{},"continue":{"continue":"-||"}})");
}

TEST(ApiResultTest, ReplacingAMemberKeepsItsPlace) {
  ApiResult result;
  result.set("a", 1);
  result.set("b", 2);
  result.set("a", 3);
  EXPECT_EQ(result.to_json().dump(), R"({"a":3,"b":2})");
}

TEST(ApiResultTest, OnTopPutsANewMemberFirst) {
  ApiResult result;
  result.set("query", Json::object());
  result.set("warnings", Json::object(), ApiResult::Place::OnTop);
  result.set("error", Json::object(), ApiResult::Place::OnTop);
  EXPECT_EQ(result.to_json().dump(), R"({"error":{},"warnings":{},"query":{}})");
}

TEST(ApiResultTest, OnTopLeavesAnExistingMemberInItsPlace) {
  // ApiResult::setValue: ADD_ON_TOP only places a name that does not exist yet
  // ("if ( !$exists && ( $flags & self::ADD_ON_TOP ) )"); an existing one is overridden in place.
  ApiResult result;
  result.set("a", 1);
  result.set("b", 2);
  result.set("b", 3, ApiResult::Place::OnTop);
  EXPECT_EQ(result.to_json().dump(), R"({"a":1,"b":3})");
}

TEST(ApiResultTest, SetReturnsTheStoredMember) {
  ApiResult result;
  result.set("query", Json::object())["tokens"] = Json{{"csrftoken", "+\\"}};
  result.set("warnings", Json::array(), ApiResult::Place::OnTop).push_back("w");
  EXPECT_EQ(result.to_json().dump(), R"({"warnings":["w"],"query":{"tokens":{"csrftoken":"+\\"}}})");
}

TEST(ApiResultTest, FindGivesTheMemberOrNull) {
  ApiResult result;
  result.set("a", 1);
  ASSERT_NE(result.find("a"), nullptr);
  EXPECT_EQ(*result.find("a"), Json(1));
  EXPECT_EQ(result.find("b"), nullptr);
  const ApiResult& view = result;
  ASSERT_NE(view.find("a"), nullptr);
  EXPECT_EQ(view.find("b"), nullptr);
}

TEST(ApiResultTest, ObjectCreatesAMissingObjectAtTheEnd) {
  ApiResult result;
  result.set("batchcomplete", true);
  result.object("query")["userinfo"] = Json{{"id", 0}};
  EXPECT_EQ(result.to_json().dump(), R"({"batchcomplete":true,"query":{"userinfo":{"id":0}}})");
}

TEST(ApiResultTest, ObjectReturnsAnExistingMember) {
  ApiResult result;
  result.set("query", Json{{"tokens", Json::object()}});
  result.set("other", 1);
  result.object("query")["userinfo"] = Json::object();
  EXPECT_EQ(result.to_json().dump(), R"({"query":{"tokens":{},"userinfo":{}},"other":1})");
}

TEST(ApiResultTest, EraseRemovesAMember) {
  ApiResult result;
  result.set("a", 1);
  result.set("b", 2);
  result.set("c", 3);
  result.erase("b");
  result.erase("missing");
  EXPECT_EQ(result.to_json().dump(), R"({"a":1,"c":3})");
  result.set("b", 4);
  EXPECT_EQ(result.to_json().dump(), R"({"a":1,"c":3,"b":4})");
}

TEST(ApiResultTest, ClearEmptiesTheResult) {
  ApiResult result;
  result.set("a", 1);
  result.clear();
  EXPECT_EQ(result.to_json().dump(), "{}");
  EXPECT_EQ(result.find("a"), nullptr);
}

}  // namespace
}  // namespace mockwiki::api
