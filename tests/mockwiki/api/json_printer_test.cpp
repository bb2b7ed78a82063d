// The JSON printer (mockwiki/src/api/json_printer.h): ApiResult::applyTransformations for
// formatversion 1 and 2 (includes/api/ApiResult.php) and FormatJson::encode's escaping
// (includes/json/FormatJson.php: JSON_UNESCAPED_SLASHES, JSON_UNESCAPED_UNICODE when asked,
// JSON_PRETTY_PRINT for jsonfm). Expected strings were checked with PHP 8.2's json_encode.
#include "api/json_printer.h"

#include <gtest/gtest.h>

#include "api/result.h"

namespace mockwiki::api {
namespace {

std::string fv1(const Json& root) { return print_json(root, JsonStyle{1, true, false}); }
std::string fv2(const Json& root) { return print_json(root, JsonStyle{2, false, false}); }

TEST(JsonPrinterTest, Formatversion1WritesTrueAsEmptyStringAndDropsFalse) {
  const Json root = {{"a", true}, {"b", false}, {"c", 1}};
  EXPECT_EQ(fv1(root), R"({"a":"","c":1})");
}

TEST(JsonPrinterTest, Formatversion1TransformsNestedObjects) {
  const Json root = {{"query", {{"userinfo", {{"anon", true}, {"messages", false}, {"id", 0}}}}}};
  EXPECT_EQ(fv1(root), R"({"query":{"userinfo":{"anon":"","id":0}}})");
}

TEST(JsonPrinterTest, Formatversion1KeepsBooleansListedInBcbools) {
  // ApiResult::META_BC_BOOLS.
  const Json root = {
      {"general", {{"variantarticlepath", false}, {"writeapi", true}, {kBcBoolsKey, {"variantarticlepath"}}}}};
  EXPECT_EQ(fv1(root), R"({"general":{"variantarticlepath":false,"writeapi":""}})");
}

TEST(JsonPrinterTest, Formatversion1RenamesTheContentMemberToStarAndMovesItLast) {
  // NOTES.md §1.5: {"errors":[{"code":..,"module":..,"*":"text"}]} in fv1.
  const Json error = {
      {"code", "badtoken"}, {"text", "Invalid CSRF token."}, {kContentKey, "text"}, {"module", "logout"}};
  EXPECT_EQ(fv1(Json{{"errors", Json::array({error})}}),
            R"({"errors":[{"code":"badtoken","module":"logout","*":"Invalid CSRF token."}]})");
}

TEST(JsonPrinterTest, Formatversion2KeepsTheContentMembersName) {
  const Json error = {
      {"code", "badtoken"}, {"text", "Invalid CSRF token."}, {kContentKey, "text"}, {"module", "logout"}};
  EXPECT_EQ(fv2(Json{{"errors", Json::array({error})}}),
            R"({"errors":[{"code":"badtoken","text":"Invalid CSRF token.","module":"logout"}]})");
}

TEST(JsonPrinterTest, Formatversion1TurnsAnIndexedBcassocIntoAList) {
  const Json root = {{"thumblimits", {{"0", 120}, {"1", 150}, {kTypeKey, "BCassoc"}}}};
  EXPECT_EQ(fv1(root), R"({"thumblimits":[120,150]})");
  EXPECT_EQ(fv2(root), R"({"thumblimits":{"0":120,"1":150}})");
}

TEST(JsonPrinterTest, ABcassocOfFalseBooleansIsAnEmptyListInFormatversion1) {
  // siteinfo's magiclinks: "magiclinks": [] in fv1 (NOTES.md §15.3), an object in fv2.
  const Json root = {{"magiclinks", {{"ISBN", false}, {"RFC", false}, {kTypeKey, "BCassoc"}}}};
  EXPECT_EQ(fv1(root), R"({"magiclinks":[]})");
  EXPECT_EQ(fv2(root), R"({"magiclinks":{"ISBN":false,"RFC":false}})");
}

TEST(JsonPrinterTest, Formatversion2KeepsBooleansAndDropsEveryMetadataMember) {
  const Json root = {{"a", true},
                     {"b", false},
                     {"c", {{"d", false}, {kBcBoolsKey, {"d"}}, {kTypeKey, "BCassoc"}, {kContentKey, "d"}}}};
  EXPECT_EQ(fv2(root), R"({"a":true,"b":false,"c":{"d":false}})");
}

TEST(JsonPrinterTest, ClientViewIsTheTransformedValue) {
  const Json root = {{"text", "t"}, {"a", true}, {"b", false}, {kContentKey, "text"}};
  EXPECT_EQ(client_view(root, 1).dump(), R"({"a":"","*":"t"})");
  EXPECT_EQ(client_view(root, 2).dump(), R"({"text":"t","a":true,"b":false})");
}

TEST(JsonPrinterTest, NonAsciiIsEscapedLowerCaseWithSurrogatePairsWhenAsked) {
  // json_encode("é😀") is "\u00e9\ud83d\ude00".
  EXPECT_EQ(print_json(Json{{"s", "é😀Ω"}}, JsonStyle{1, true, false}), R"({"s":"\u00e9\ud83d\ude00\u03a9"})");
  EXPECT_EQ(print_json(Json{{"é", 1}}, JsonStyle{1, true, false}), R"({"\u00e9":1})");
}

TEST(JsonPrinterTest, NonAsciiIsWrittenAsUtf8WhenNotEscaped) {
  EXPECT_EQ(print_json(Json{{"s", "é😀Ω"}}, JsonStyle{2, false, false}), "{\"s\":\"é😀Ω\"}");
}

TEST(JsonPrinterTest, LineAndParagraphSeparatorsAreAlwaysEscaped) {
  // PHP escapes U+2028 and U+2029 unless JSON_UNESCAPED_LINE_TERMINATORS, which MediaWiki never sets.
  EXPECT_EQ(print_json(Json{{"s", "a\u2028b\u2029c"}}, JsonStyle{2, false, false}), R"({"s":"a\u2028b\u2029c"})");
  EXPECT_EQ(print_json(Json{{"s", "a\u2028b\u2029c"}}, JsonStyle{1, true, false}), R"({"s":"a\u2028b\u2029c"})");
}

TEST(JsonPrinterTest, SlashesAndHtmlCharactersAreNotEscaped) {
  EXPECT_EQ(fv2(Json{{"url", "http://127.0.0.1/api.php?a=<b>&c='d'"}}),
            R"({"url":"http://127.0.0.1/api.php?a=<b>&c='d'"})");
}

TEST(JsonPrinterTest, ControlCharactersAreEscapedAsPhpDoes) {
  // json_encode("\x01\x1f\x7f\x08\f\n\r\t\"\\") is "\u0001\u001f\x7f\b\f\n\r\t\"\\" (DEL raw).
  EXPECT_EQ(fv2(Json{{"s", "\x01\x1f\x7f\b\f\n\r\t\"\\"}}), "{\"s\":\"\\u0001\\u001f\x7f\\b\\f\\n\\r\\t\\\"\\\\\"}");
  EXPECT_EQ(fv2(Json{{"token", "+\\"}}), R"({"token":"+\\"})");
}

TEST(JsonPrinterTest, NumbersNullAndEmptyContainersAreWrittenPlainly) {
  EXPECT_EQ(fv2(Json{{"i", -5}, {"n", nullptr}, {"a", Json::array()}, {"o", Json::object()}}),
            R"({"i":-5,"n":null,"a":[],"o":{}})");
}

TEST(JsonPrinterTest, PrettyPrintingIndentsWithFourSpaces) {
  // json_encode(..., JSON_PRETTY_PRINT): "key": value, empty containers stay [] and {}.
  const Json root = {{"a", Json::array()}, {"b", Json::object()}, {"c", Json::array({1, Json{{"x", "y"}}})}};
  EXPECT_EQ(print_json(root, JsonStyle{2, false, true}),
            "{\n"
            "    \"a\": [],\n"
            "    \"b\": {},\n"
            "    \"c\": [\n"
            "        1,\n"
            "        {\n"
            "            \"x\": \"y\"\n"
            "        }\n"
            "    ]\n"
            "}");
}

TEST(JsonPrinterTest, MembersKeepTheirOrder) {
  const Json root = {{"z", 1}, {"a", 2}, {"m", 3}};
  EXPECT_EQ(fv2(root), R"({"z":1,"a":2,"m":3})");
}

}  // namespace
}  // namespace mockwiki::api
