// The error formatter (mockwiki/src/api/error_formatter.h) against ApiErrorFormatter and
// ApiErrorFormatter_BackCompat (includes/api/ApiErrorFormatter*.php) and the shapes observed
// on MediaWiki 1.39 (NOTES.md §1.5).
#include "api/error_formatter.h"

#include <gtest/gtest.h>

#include "api/json_printer.h"

namespace mockwiki::api {
namespace {

using P = MessageParam;

// MessageParam::list of plain strings.
MessageParam words(std::vector<std::string> items, std::string type = "comma") {
  return P::list(std::move(items), std::move(type));
}

// RawMessage('$1', [$text]): a warning with exactly this text.
Message raw_text(std::string text) { return Message("$1", {P::plain(std::move(text))}); }

class ErrorFormatterTest : public ::testing::Test {
 protected:
  std::string client(int format_version) const { return client_view(result.to_json(), format_version).dump(); }

  ApiResult result;
};

TEST(ParseErrorFormatTest, KnowsTheSixFormats) {
  EXPECT_EQ(parse_error_format("bc"), ErrorFormat::Bc);
  EXPECT_EQ(parse_error_format("plaintext"), ErrorFormat::Plaintext);
  EXPECT_EQ(parse_error_format("wikitext"), ErrorFormat::Wikitext);
  EXPECT_EQ(parse_error_format("html"), ErrorFormat::Html);
  EXPECT_EQ(parse_error_format("raw"), ErrorFormat::Raw);
  EXPECT_EQ(parse_error_format("none"), ErrorFormat::None);
  EXPECT_EQ(parse_error_format("PlainText"), std::nullopt);
  EXPECT_EQ(parse_error_format(""), std::nullopt);
}

TEST_F(ErrorFormatterTest, BcErrorIsOneObjectWithStrippedInfo) {
  ErrorFormatter(result, ErrorFormat::Bc).add_error("logout", Message("apierror-missingparam", {P::plain("token")}));
  EXPECT_EQ(client(1), R"({"error":{"code":"notoken","info":"The \"token\" parameter must be set."}})");
  EXPECT_EQ(client(2), R"({"error":{"code":"notoken","info":"The \"token\" parameter must be set."}})");
}

TEST_F(ErrorFormatterTest, BcErrorMergesDataIntoTheErrorObject) {
  ErrorFormatter(result, ErrorFormat::Bc)
      .add_error("", Message("apierror-readonly").with_data({{"readonlyreason", "maintenance"}}));
  EXPECT_EQ(
      client(2),
      R"({"error":{"code":"readonly","info":"The wiki is currently in read-only mode.","readonlyreason":"maintenance"}})");
}

TEST_F(ErrorFormatterTest, BcKeepsOnlyTheFirstError) {
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_error("logout", Message("apierror-badtoken"));
  formatter.add_error("main", Message("apierror-readonly"));
  EXPECT_EQ(client(2), R"({"error":{"code":"badtoken","info":"Invalid CSRF token."}})");
}

TEST_F(ErrorFormatterTest, PlaintextErrorHasStrippedTextAndTheModule) {
  ErrorFormatter(result, ErrorFormat::Plaintext)
      .add_error("logout", Message("apierror-missingparam", {P::plain("token")}));
  EXPECT_EQ(client(2),
            R"({"errors":[{"code":"notoken","text":"The \"token\" parameter must be set.","module":"logout"}]})");
  EXPECT_EQ(client(1),
            R"({"errors":[{"code":"notoken","module":"logout","*":"The \"token\" parameter must be set."}]})");
}

TEST_F(ErrorFormatterTest, WikitextErrorKeepsTheMarkup) {
  ErrorFormatter(result, ErrorFormat::Wikitext)
      .add_error("logout", Message("apierror-missingparam", {P::plain("token")}));
  EXPECT_EQ(
      client(2),
      R"({"errors":[{"code":"notoken","text":"The <var>token</var> parameter must be set.","module":"logout"}]})");
}

TEST_F(ErrorFormatterTest, HtmlErrorHasHtml) {
  ErrorFormatter(result, ErrorFormat::Html).add_error("logout", Message("apierror-badtoken"));
  EXPECT_EQ(client(2), R"({"errors":[{"code":"badtoken","html":"Invalid CSRF token.","module":"logout"}]})");
  EXPECT_EQ(client(1), R"({"errors":[{"code":"badtoken","module":"logout","*":"Invalid CSRF token."}]})");
}

TEST_F(ErrorFormatterTest, RawErrorHasTheKeyAndParameters) {
  ErrorFormatter(result, ErrorFormat::Raw).add_error("logout", Message("apierror-badtoken"));
  EXPECT_EQ(client(2), R"({"errors":[{"code":"badtoken","key":"apierror-badtoken","params":[],"module":"logout"}]})");
}

TEST_F(ErrorFormatterTest, NoneErrorHasOnlyTheCodeAndModule) {
  ErrorFormatter(result, ErrorFormat::None).add_error("logout", Message("apierror-badtoken"));
  EXPECT_EQ(client(2), R"({"errors":[{"code":"badtoken","module":"logout"}]})");
}

TEST_F(ErrorFormatterTest, AnErrorWithoutAModuleHasNoModuleMember) {
  ErrorFormatter(result, ErrorFormat::None).add_error("", Message("apierror-badtoken"));
  EXPECT_EQ(client(2), R"({"errors":[{"code":"badtoken"}]})");
}

TEST_F(ErrorFormatterTest, NonBcDataGoesIntoADataObject) {
  ErrorFormatter(result, ErrorFormat::Plaintext)
      .add_warning("query+tokens", Message("paramvalidator-unrecognizedvalues",
                                           {P::plain("type"), P::plain("foo"), words({"foo"}), P::number(1)})
                                       .with_code("unrecognizedvalues")
                                       .with_data({{"values", {"foo"}}}));
  // NOTES.md §2.2, type=foo, fv2 errorformat=plaintext.
  EXPECT_EQ(
      client(2),
      R"({"warnings":[{"code":"unrecognizedvalues","text":"Unrecognized value for parameter \"type\": foo","data":{"values":["foo"]},"module":"query+tokens"}]})");
}

TEST_F(ErrorFormatterTest, BcWarningsAreTextPerModule) {
  ErrorFormatter(result, ErrorFormat::Bc).add_warning("login", Message("apiwarn-deprecation-login-token"));
  const std::string text =
      R"(Fetching a token via \"action=login\" is deprecated. Use \"action=query&meta=tokens&type=login\" instead.)";
  EXPECT_EQ(client(1), R"({"warnings":{"login":{"*":")" + text + R"("}}})");
  EXPECT_EQ(client(2), R"({"warnings":{"login":{"warnings":")" + text + R"("}}})");
}

TEST_F(ErrorFormatterTest, BcWarningsOfOneModuleAreJoinedWithNewlines) {
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_warning("main", raw_text("first"));
  formatter.add_warning("main", raw_text("second"));
  EXPECT_EQ(client(2), R"({"warnings":{"main":{"warnings":"first\nsecond"}}})");
}

TEST_F(ErrorFormatterTest, BcDropsAWarningThatIsAlreadyALine) {
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_warning("main", raw_text("first"));
  formatter.add_warning("main", raw_text("second"));
  formatter.add_warning("main", raw_text("second"));
  formatter.add_warning("main", raw_text("first"));
  formatter.add_warning("main", raw_text("sec"));  // a prefix of a line is not a duplicate
  EXPECT_EQ(client(2), R"({"warnings":{"main":{"warnings":"first\nsecond\nsec"}}})");
}

TEST_F(ErrorFormatterTest, BcLooksForADuplicateOnlyAtItsFirstOccurrence) {
  // ApiErrorFormatter_BackCompat::addWarningOrError checks strpos()'s first match only: with
  // "foo bar\nfoo" already there, "foo" is found at 0, not a whole line, so it is added again.
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_warning("main", raw_text("foo bar"));
  formatter.add_warning("main", raw_text("foo"));
  formatter.add_warning("main", raw_text("foo"));
  EXPECT_EQ(client(2), R"({"warnings":{"main":{"warnings":"foo bar\nfoo\nfoo"}}})");
}

TEST_F(ErrorFormatterTest, BcModuleKeyIsThePathsLastPart) {
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_warning("query+tokens", raw_text("t"));
  formatter.add_warning("", raw_text("u"));
  formatter.add_warning("a+b+c", raw_text("c"));
  EXPECT_EQ(client(2), R"({"warnings":{"c":{"warnings":"c"},"unknown":{"warnings":"u"},"tokens":{"warnings":"t"}}})");
}

TEST_F(ErrorFormatterTest, BcANewModuleGoesOnTopOfTheWarnings) {
  // NOTES.md §3.4: {"warnings":{"main":{...},"login":{...}}}, login's warning added first.
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_warning("login", raw_text("l"));
  formatter.add_warning("main", raw_text("m"));
  formatter.add_warning("login", raw_text("l2"));
  EXPECT_EQ(client(1), R"({"warnings":{"main":{"*":"m"},"login":{"*":"l\nl2"}}})");
}

TEST_F(ErrorFormatterTest, WarningsGoOnTopOfTheResult) {
  result.set("batchcomplete", true);
  result.object("query")["tokens"] = Json::object();
  ErrorFormatter(result, ErrorFormat::Bc).add_warning("tokens", raw_text("w"));
  EXPECT_EQ(client(2), R"({"warnings":{"tokens":{"warnings":"w"}},"batchcomplete":true,"query":{"tokens":{}}})");
}

TEST_F(ErrorFormatterTest, AnErrorGoesOnTopOfEarlierWarnings) {
  // NOTES.md §3.4: {"error":{...},"warnings":{"main":{...}}}.
  ErrorFormatter formatter(result, ErrorFormat::Bc);
  formatter.add_warning("main", raw_text("w"));
  formatter.add_error("login", Message("apierror-badtoken"));
  EXPECT_EQ(client(2),
            R"({"error":{"code":"badtoken","info":"Invalid CSRF token."},"warnings":{"main":{"warnings":"w"}}})");
}

TEST_F(ErrorFormatterTest, NonBcErrorsAndWarningsAreListsOnTop) {
  result.set("batchcomplete", true);
  ErrorFormatter formatter(result, ErrorFormat::None);
  formatter.add_warning("main", raw_text("w"));
  formatter.add_error("login", Message("apierror-badtoken"));
  formatter.add_warning("login", raw_text("x"));
  EXPECT_EQ(
      client(2),
      R"({"errors":[{"code":"badtoken","module":"login"}],"warnings":[{"code":"_1","module":"main"},{"code":"_1","module":"login"}],"batchcomplete":true})");
}

TEST_F(ErrorFormatterTest, NonBcDropsAnIdenticalWarningOrError) {
  ErrorFormatter formatter(result, ErrorFormat::Plaintext);
  formatter.add_warning("main", raw_text("w"));
  formatter.add_warning("main", raw_text("w"));
  formatter.add_warning("login", raw_text("w"));
  formatter.add_error("login", Message("apierror-badtoken"));
  formatter.add_error("login", Message("apierror-badtoken"));
  EXPECT_EQ(client(2),
            R"({"errors":[{"code":"badtoken","text":"Invalid CSRF token.","module":"login"}],)"
            R"("warnings":[{"code":"_1","text":"w","module":"main"},{"code":"_1","text":"w","module":"login"}]})");
}

TEST_F(ErrorFormatterTest, FormatMessageGivesEachFormatsShape) {
  const Message message("wrongpassword");
  auto shape = [&](ErrorFormat format, int version) {
    return client_view(ErrorFormatter(result, format).format_message(message), version).dump();
  };
  // ApiLogin's reason, as tests/mockwiki/api/modules/login_test.cpp sees it.
  EXPECT_EQ(shape(ErrorFormat::Plaintext, 2),
            R"({"code":"wrongpassword","text":"Incorrect username or password entered. Please try again."})");
  EXPECT_EQ(shape(ErrorFormat::Wikitext, 1),
            R"({"code":"wrongpassword","*":"Incorrect username or password entered.\nPlease try again."})");
  EXPECT_EQ(shape(ErrorFormat::Html, 2),
            R"({"code":"wrongpassword","html":"Incorrect username or password entered.\nPlease try again."})");
  EXPECT_EQ(shape(ErrorFormat::Raw, 2), R"({"code":"wrongpassword","key":"wrongpassword","params":[]})");
  EXPECT_EQ(shape(ErrorFormat::None, 2), R"({"code":"wrongpassword"})");
  // ApiErrorFormatter_BackCompat::formatMessageInternal: code and the unstripped text as info.
  EXPECT_EQ(shape(ErrorFormat::Bc, 2),
            R"({"code":"wrongpassword","info":"Incorrect username or password entered.\nPlease try again."})");
}

TEST_F(ErrorFormatterTest, FormatReasonIsAStrippedStringForBc) {
  // ApiLogin::formatMessage: ApiErrorFormatter::stripMarkup(text) in bc.
  EXPECT_EQ(ErrorFormatter(result, ErrorFormat::Bc).format_reason(Message("wrongpassword")),
            Json("Incorrect username or password entered. Please try again."));
  EXPECT_EQ(client_view(ErrorFormatter(result, ErrorFormat::Raw).format_reason(Message("wrongpassword")), 2),
            Json({{"code", "wrongpassword"}, {"key", "wrongpassword"}, {"params", Json::array()}}));
}

TEST_F(ErrorFormatterTest, AddingNothingLeavesTheResultAlone) {
  ErrorFormatter formatter(result, ErrorFormat::Plaintext);
  EXPECT_EQ(formatter.format(), ErrorFormat::Plaintext);
  EXPECT_FALSE(formatter.is_bc());
  EXPECT_TRUE(ErrorFormatter(result, ErrorFormat::Bc).is_bc());
  EXPECT_EQ(client(2), "{}");
}

}  // namespace
}  // namespace mockwiki::api
