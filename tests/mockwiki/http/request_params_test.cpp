// Request parameters (mockwiki/src/http/request_params.h) as PHP 8.2 fills $_GET and $_POST
// (main/php_variables.c php_register_variable_ex; checked with parse_str()) and as
// MediaWiki's WebRequest reads them (includes/WebRequest.php: $_POST + $_GET, getGPCVal).
#include "http/request_params.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace mockwiki::http {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

RequestParams get(std::string query) {
  Request request;
  request.method = "GET";
  request.query_string = std::move(query);
  return RequestParams::from(request);
}

RequestParams post(std::string query, std::string body,
                   std::string content_type = "application/x-www-form-urlencoded") {
  Request request;
  request.method = "POST";
  request.query_string = std::move(query);
  request.body = std::move(body);
  request.headers.emplace_back("Content-Type", std::move(content_type));
  return RequestParams::from(request);
}

std::string value_of(const RequestParams& params, const char* name) {
  const std::string* value = params.value(name);
  return value ? *value : "<absent>";
}

using Names = std::vector<std::string>;

TEST(RequestParamsTest, NamesLoseLeadingSpacesAndDotsAndSpacesBecomeUnderscores) {
  // parse_str("%20%20a=1") gives ["a" => "1"]; "a.b" and "a b" both give "a_b".
  EXPECT_EQ(value_of(get("%20%20a=1"), "a"), "1");
  EXPECT_EQ(value_of(get("a.b=1"), "a_b"), "1");
  EXPECT_EQ(value_of(get("a%20b=2"), "a_b"), "2");
  EXPECT_EQ(value_of(get("+x.y=3"), "x_y"), "3");
  EXPECT_EQ(value_of(get("a]b=4"), "a]b"), "4");
}

TEST(RequestParamsTest, BracketsMakeAnArrayThatHasNoValue) {
  // WebRequest::getVal treats an array as absent.
  const RequestParams params = get("a[]=1&a[]=2&b[x]=3&c.d[e.f]=4");
  EXPECT_TRUE(params.is_array("a"));
  EXPECT_TRUE(params.is_array("b"));
  EXPECT_TRUE(params.is_array("c_d"));
  EXPECT_EQ(params.value("a"), nullptr);
  EXPECT_EQ(params.raw_value("a"), nullptr);
  EXPECT_FALSE(params.has("a"));
  EXPECT_FALSE(params.is_array("missing"));
}

TEST(RequestParamsTest, AnUnclosedBracketBecomesAnUnderscore) {
  // parse_str("a[b=1") gives ["a_b" => "1"].
  const RequestParams params = get("a[b=1");
  EXPECT_EQ(value_of(params, "a_b"), "1");
  EXPECT_FALSE(params.is_array("a"));
}

TEST(RequestParamsTest, AfterAnUnclosedBracketDotsAndSpacesAlsoBecomeUnderscores) {
  // PHP 8 goes on replacing ' ', '.' and '[' after an unclosed bracket:
  // parse_str("a[b.c d=1") gives ["a_b_c_d" => "1"].
  EXPECT_EQ(value_of(get("a[b.c%20d=1"), "a_b_c_d"), "1");
}

TEST(RequestParamsTest, NamelessAndTruncatedNamesAreHandledAsPhpDoes) {
  // parse_str: "=1", "[x]=1" and "%20=1" register nothing; a NUL ends the name; no '=' is "".
  EXPECT_EQ(get("=1&[x]=1&%20=1").names(), Names{});
  EXPECT_EQ(value_of(get("a%00b=1"), "a"), "1");
  EXPECT_EQ(value_of(get("flag"), "flag"), "");
  EXPECT_TRUE(get("flag").has("flag"));
  EXPECT_EQ(get("&&a=1&&").names(), Names{"a"});
}

TEST(RequestParamsTest, ALaterDuplicateWinsButKeepsTheFirstPosition) {
  // parse_str("a=1&b=2&a=3") gives ["a" => "3", "b" => "2"].
  const RequestParams params = get("a=1&b=2&a=3");
  EXPECT_EQ(value_of(params, "a"), "3");
  EXPECT_EQ(params.names(), (Names{"a", "b"}));
}

TEST(RequestParamsTest, NamesAndValuesAreUrlDecoded) {
  const RequestParams params = get("lg%6Eame=Alice+Smith&token=abc%2B%5C");
  EXPECT_EQ(value_of(params, "lgname"), "Alice Smith");
  EXPECT_EQ(value_of(params, "token"), "abc+\\");
}

TEST(RequestParamsTest, ThePostBodyWinsOverTheQueryString) {
  // WebRequest: $this->data = $_POST + $_GET.
  const RequestParams params = post("a=query&c=3", "a=body&d=4");
  EXPECT_EQ(value_of(params, "a"), "body");
  EXPECT_EQ(value_of(params, "c"), "3");
  EXPECT_EQ(value_of(params, "d"), "4");
}

TEST(RequestParamsTest, NamesListBodyNamesFirstThenTheQueryStringsOthers) {
  const RequestParams params = post("q1=1&a=query&q2=2", "b1=1&a=body&b2=2");
  EXPECT_EQ(params.names(), (Names{"b1", "a", "b2", "q1", "q2"}));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"b1", "1"}, {"a", "body"}, {"b2", "2"}, {"q1", "1"}, {"q2", "2"}};
  EXPECT_EQ(params.values(), expected);
}

TEST(RequestParamsTest, QueryStringNamesAreKnownEvenWhenTheBodyHasThemToo) {
  // ApiBase::requirePostedParameters asks $_GET.
  const RequestParams params = post("a=query&token=x", "a=body&lgname=Alice");
  EXPECT_TRUE(params.in_query_string("a"));
  EXPECT_TRUE(params.in_query_string("token"));
  EXPECT_FALSE(params.in_query_string("lgname"));
  EXPECT_FALSE(params.in_query_string("missing"));
}

TEST(RequestParamsTest, AGetRequestsBodyIsIgnored) {
  Request request;
  request.method = "GET";
  request.query_string = "a=1";
  request.body = "b=2";
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  EXPECT_EQ(RequestParams::from(request).names(), Names{"a"});
}

TEST(RequestParamsTest, OnlyPostReadsTheBody) {
  Request request;
  request.method = "PUT";
  request.body = "b=2";
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  EXPECT_EQ(RequestParams::from(request).names(), Names{});
}

TEST(RequestParamsTest, ABodyNeedsAFormContentType) {
  EXPECT_EQ(post("", "b=2", "text/plain").names(), Names{});
  EXPECT_EQ(post("", "b=2", "application/json").names(), Names{});
  Request no_type;
  no_type.method = "POST";
  no_type.body = "b=2";
  EXPECT_EQ(RequestParams::from(no_type).names(), Names{});
}

TEST(RequestParamsTest, TheFormContentTypeIsCaseInsensitiveAndMayHaveACharset) {
  // PHP lower-cases the content type and drops its parameters (main/SAPI.c).
  EXPECT_EQ(value_of(post("", "b=2", "Application/X-WWW-Form-URLEncoded"), "b"), "2");
  EXPECT_EQ(value_of(post("", "b=2", "application/x-www-form-urlencoded; charset=UTF-8"), "b"), "2");
  EXPECT_EQ(value_of(post("", "b=2", "application/x-www-form-urlencoded ;charset=utf-8"), "b"), "2");
}

TEST(RequestParamsTest, TheContentTypeHeaderNameIsCaseInsensitive) {
  Request request;
  request.method = "POST";
  request.body = "b=2";
  request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
  EXPECT_EQ(value_of(RequestParams::from(request), "b"), "2");
  EXPECT_EQ(request.header("CONTENT-TYPE"), std::optional<std::string_view>("application/x-www-form-urlencoded"));
  EXPECT_EQ(request.header("Cookie"), std::nullopt);
}

TEST(RequestParamsTest, MultipartFieldsAreParametersWithPhpNames) {
  Request request;
  request.method = "POST";
  request.query_string = "a=query";
  request.headers.emplace_back("Content-Type", "multipart/form-data; boundary=----x");
  request.form_fields = {{"a", "body"}, {"lg.name", "Alice"}, {"arr[]", "1"}, {"a", "again"}};
  const RequestParams params = RequestParams::from(request);
  EXPECT_EQ(value_of(params, "a"), "again");
  EXPECT_EQ(value_of(params, "lg_name"), "Alice");
  EXPECT_TRUE(params.is_array("arr"));
  EXPECT_EQ(params.names(), (Names{"a", "lg_name", "arr"}));
}

TEST(RequestParamsTest, AnInvalidUtf8QueryValueIsReadAsWindows1252) {
  // WebRequest::getGPCVal: isset($_GET[$name]) -> Language::checkTitleEncoding.
  const RequestParams params = get("v=caf%E9&w=%80");
  EXPECT_EQ(value_of(params, "v"), "café");
  EXPECT_EQ(value_of(params, "w"), "€");
  EXPECT_EQ(*params.raw_value("v"), "caf\xE9");
}

TEST(RequestParamsTest, AnInvalidUtf8BodyValueGetsAReplacementCharacter) {
  const RequestParams params = post("", "v=caf%E9");
  EXPECT_EQ(value_of(params, "v"), std::string("caf") + kReplacement);
  EXPECT_EQ(*params.raw_value("v"), "caf\xE9");
}

TEST(RequestParamsTest, ABodyValueWhoseNameIsAlsoInTheQueryStringIsReadAsWindows1252) {
  // getGPCVal checks isset($_GET[$name]) whatever array the value came from.
  const RequestParams params = post("v=x", "v=caf%E9");
  EXPECT_EQ(value_of(params, "v"), "café");
}

TEST(RequestParamsTest, ValidUtf8IsKeptAndControlCharactersAreReplaced) {
  const RequestParams params = get("v=caf%C3%A9&c=a%01b&t=a%09b");
  EXPECT_EQ(value_of(params, "v"), "café");
  EXPECT_EQ(value_of(params, "c"), std::string("a") + kReplacement + "b");
  EXPECT_EQ(*params.raw_value("c"),
            "a\x01"
            "b");
  EXPECT_EQ(value_of(params, "t"), "a\tb");
}

TEST(RequestParamsTest, AbsentParametersHaveNoValue) {
  const RequestParams params = get("a=");
  EXPECT_TRUE(params.has("a"));
  EXPECT_EQ(value_of(params, "a"), "");
  EXPECT_FALSE(params.has("b"));
  EXPECT_EQ(params.value("b"), nullptr);
  EXPECT_EQ(params.raw_value("b"), nullptr);
}

}  // namespace
}  // namespace mockwiki::http
