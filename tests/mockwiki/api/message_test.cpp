// Messages (mockwiki/src/api/message.h): Message::text() and parse() with parameters
// (includes/language/Message.php), {{PLURAL}} and {{GENDER}} in English
// (Language::convertPlural, handleExplicitPluralForms), Language::formatDuration, the raw
// parameter shapes of ApiErrorFormatter::formatRawMessage, ApiMessageTrait::getApiCode and
// ApiErrorFormatter::stripMarkup. Expected texts were produced by MediaWiki 1.39's PHP.
#include "api/message.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace mockwiki::api {
namespace {

using P = MessageParam;

// MessageParam::list of plain strings.
MessageParam words(std::vector<std::string> items, std::string type = "comma") {
  return P::list(std::move(items), std::move(type));
}

std::string text(std::string key, std::vector<MessageParam> params = {}) {
  return Message(std::move(key), std::move(params)).text();
}

// RawMessage('$1', [$wikitext])->text(): the parameter's wikitext, expanded.
std::string expand(std::string wikitext) { return text("$1", {P::plain(std::move(wikitext))}); }

TEST(MessageTest, NumberedParametersAreSubstituted) {
  EXPECT_EQ(text("apierror-badurl", {P::plain("a"), P::plain("b")}),
            "Invalid value \"b\" for URL parameter <var>a</var>.");
  EXPECT_EQ(text("apierror-badtoken"), "Invalid CSRF token.");
}

TEST(MessageTest, AMissingParameterStaysAsDollarN) {
  EXPECT_EQ(text("apierror-badurl", {P::plain("a")}), "Invalid value \"$2\" for URL parameter <var>a</var>.");
}

TEST(MessageTest, ExtraParametersAreIgnored) {
  EXPECT_EQ(text("apierror-badurl", {P::plain("a"), P::plain("b"), P::plain("c")}),
            "Invalid value \"b\" for URL parameter <var>a</var>.");
}

TEST(MessageTest, IntegerAndNullParametersAreWrittenAsPhpWouldCastThem) {
  EXPECT_EQ(text("apierror-missingparam", {P::plain(std::int64_t{42})}), "The <var>42</var> parameter must be set.");
  EXPECT_EQ(text("apierror-missingparam", {P::plain(Json())}), "The <var></var> parameter must be set.");
}

TEST(MessageTest, PluralPicksOneForOneAndOtherForTheRest) {
  EXPECT_EQ(text("apierror-maxlag-generic", {P::plain(std::int64_t{1})}),
            "Waiting for a database server: 1 second lagged.");
  EXPECT_EQ(text("apierror-maxlag-generic", {P::plain(std::int64_t{0})}),
            "Waiting for a database server: 0 seconds lagged.");
  EXPECT_EQ(text("apierror-maxlag-generic", {P::plain("1.5")}), "Waiting for a database server: 1.5 seconds lagged.");
}

TEST(MessageTest, PluralOfANegativeNumberFollowsItsAbsoluteValue) {
  // CLDR's operand n is the absolute value: "-1 second", "-2 seconds".
  EXPECT_EQ(text("apierror-maxlag-generic", {P::plain(std::int64_t{-1})}),
            "Waiting for a database server: -1 second lagged.");
  EXPECT_EQ(text("apierror-maxlag-generic", {P::plain(std::int64_t{-2})}),
            "Waiting for a database server: -2 seconds lagged.");
}

TEST(MessageTest, PluralReadsAFormattedNumber) {
  EXPECT_EQ(text("apierror-maxlag-generic", {P::number(4096)}), "Waiting for a database server: 4,096 seconds lagged.");
  EXPECT_EQ(text("apierror-maxlag-generic", {P::number(1)}), "Waiting for a database server: 1 second lagged.");
  EXPECT_EQ(expand("{{PLURAL:1,000|one|other}}"), "other");
}

TEST(MessageTest, PluralWithOneFormUsesItForEveryNumber) {
  EXPECT_EQ(expand("{{PLURAL:3|one}}"), "one");
  EXPECT_EQ(expand("{{PLURAL:1|}}"), "");
}

TEST(MessageTest, PluralPrefersAnExplicitFormForTheExactNumber) {
  // {{PLURAL:n|0=none|1=exactly one|one|other}}
  EXPECT_EQ(expand("{{PLURAL:0|0=none|1=exactly one|one|other}}"), "none");
  EXPECT_EQ(expand("{{PLURAL:1|0=none|1=exactly one|one|other}}"), "exactly one");
  EXPECT_EQ(expand("{{PLURAL:2|0=none|1=exactly one|one|other}}"), "other");
  EXPECT_EQ(expand("{{PLURAL:10|0=none|1=exactly one|one|other}}"), "other");
}

TEST(MessageTest, AnExplicitPluralFormMatchesTheNumberAsWrittenNotItsAbsoluteValue) {
  // Language::handleExplicitPluralForms compares "1" with (string)$count, "-1":
  // {{PLURAL:-1|1=exactly one|one|other}} is "one".
  EXPECT_EQ(expand("{{PLURAL:-1|1=exactly one|one|other}}"), "one");
}

TEST(MessageTest, GenderOfAUserWithoutAPreferenceIsTheNeutralForm) {
  EXPECT_EQ(text("botpasswords-needs-reset", {P::plain("Alice"), P::plain("bot")}),
            "The bot password for bot name \"bot\" of user \"Alice\" must be reset.");
  EXPECT_EQ(expand("{{GENDER:Alice|he|she|they}}"), "they");
  EXPECT_EQ(expand("{{GENDER:Alice|he|she}}"), "he");
  EXPECT_EQ(expand("{{GENDER:|he}}"), "he");
}

TEST(MessageTest, DurationParametersAreSpelledOut) {
  EXPECT_EQ(text("login-throttled", {P::duration(300)}),
            "You have made too many recent login attempts.\nPlease wait 5 minutes before trying again.");
}

TEST(MessageTest, ListParametersAreJoinedByTheirType) {
  EXPECT_EQ(
      text("paramvalidator-unrecognizedvalues", {P::plain("type"), P::plain("x"), words({"foo", "bar"}), P::number(2)}),
      "Unrecognized values for parameter \"type\": foo, bar");
  EXPECT_EQ(text("paramvalidator-unrecognizedvalues", {P::plain("type"), P::plain("x"), words({"foo"}), P::number(1)}),
            "Unrecognized value for parameter \"type\": foo");
  const std::string prefix = "The following parameters were found in the query string, but must be in the POST body: ";
  EXPECT_EQ(text("apierror-mustpostparams", {words({"a", "b", "c"}, "text"), P::plain(std::int64_t{3})}),
            prefix + "a, b and c.");
  EXPECT_EQ(text("apierror-mustpostparams", {words({"a", "b"}, "text"), P::plain(std::int64_t{2})}),
            prefix + "a and b.");
  EXPECT_EQ(text("apierror-mustpostparams", {words({"a", "b"}, "semicolon"), P::plain(std::int64_t{2})}),
            prefix + "a; b.");
  EXPECT_EQ(text("apierror-mustpostparams", {words({"a", "b"}, "pipe"), P::plain(std::int64_t{2})}), prefix + "a | b.");
}

TEST(MessageTest, PlaintextParametersAreLiteralInTextAndEscapedInHtml) {
  const Message message("apierror-missingparam", {P::plaintext("<b>&x")});
  EXPECT_EQ(message.text(), "The <var><b>&x</var> parameter must be set.");
  EXPECT_EQ(message.html(), "The <var>&lt;b&gt;&amp;x</var> parameter must be set.");
}

TEST(MessageTest, FormatDurationUsesTheLargestUnitsAndAnEnglishList) {
  // Language::formatDuration in English.
  EXPECT_EQ(format_duration(300), "5 minutes");
  EXPECT_EQ(format_duration(90061), "1 day, 1 hour, 1 minute and 1 second");
  EXPECT_EQ(format_duration(172800), "2 days");
  EXPECT_EQ(format_duration(59), "59 seconds");
  EXPECT_EQ(format_duration(0), "0 seconds");
  EXPECT_EQ(format_duration(31556952 + 1), "1 year and 1 second");
  EXPECT_EQ(format_duration(2 * 315569520LL), "2 decades");
}

TEST(MessageTest, RawParametersHaveApiErrorFormattersShapes) {
  EXPECT_EQ(P::plain("x").raw(), Json("x"));
  EXPECT_EQ(P::plain(std::int64_t{5}).raw(), Json(5));
  EXPECT_EQ(P::number(180).raw(), Json({{"num", 180}}));
  EXPECT_EQ(P::duration(300).raw(), Json({{"duration", 300}}));
  EXPECT_EQ(P::plaintext("<b>").raw(), Json({{"plaintext", "<b>"}}));
  EXPECT_EQ(words({"a", "b"}).raw(), Json({{"list", {"a", "b"}}, {"type", "comma"}}));
  EXPECT_EQ(words({"a"}, "text").raw(), Json({{"list", {"a"}}, {"type", "text"}}));
  EXPECT_EQ(P::list({P::number(1), P::plain("b")}, "comma").raw(),
            Json({{"list", Json::array({Json({{"num", 1}}), "b"})}, {"type", "comma"}}));
}

TEST(MessageTest, AListWithPhpKeysThatAreNotZeroToNIsAnObject) {
  // array_diff keeps keys: json_encode([0 => "a", 2 => "b"]) is {"0":"a","2":"b"}.
  const MessageParam sparse = P::list({P::plain("a"), P::plain("b")}, "comma", {0, 2});
  EXPECT_EQ(sparse.raw().dump(), R"({"list":{"0":"a","2":"b"},"type":"comma"})");
  const MessageParam dense = P::list({P::plain("a"), P::plain("b")}, "comma", {0, 1});
  EXPECT_EQ(dense.raw().dump(), R"({"list":["a","b"],"type":"comma"})");
}

TEST(MessageTest, RawIsTheKeyAndTheRawParameters) {
  EXPECT_EQ(Message("apierror-badtoken").raw().dump(), R"({"key":"apierror-badtoken","params":[]})");
  EXPECT_EQ(Message("login-throttled", {P::duration(300)}).raw().dump(),
            R"({"key":"login-throttled","params":[{"duration":300}]})");
}

TEST(MessageTest, ApiCodesDropTheApierrorAndApiwarnPrefixes) {
  EXPECT_EQ(Message("apierror-badtoken").code(), "badtoken");
  EXPECT_EQ(Message("apiwarn-deprecation-login-token").code(), "deprecation-login-token");
  EXPECT_EQ(Message("authpage-cannot-login-continue").code(), "authpage-cannot-login-continue");
  EXPECT_EQ(Message("wrongpassword").code(), "wrongpassword");
}

TEST(MessageTest, MissingparamsCodeIsNoAndTheParameter) {
  // ApiMessageTrait::getApiCode: 'no' . $this->getParams()[0].
  EXPECT_EQ(Message("apierror-missingparam", {P::plain("token")}).code(), "notoken");
}

TEST(MessageTest, TheMessageMapGivesCodesToNonApiKeys) {
  EXPECT_EQ(Message("actionthrottledtext").code(), "ratelimited");
  EXPECT_EQ(Message("readonlytext").code(), "readonly");
  EXPECT_EQ(Message("sessionfailure").code(), "badtoken");
  EXPECT_EQ(Message("nosuchusershort").code(), "nosuchuser");
  EXPECT_EQ(Message("noname").code(), "invaliduser");
  EXPECT_EQ(Message("nouserspecified").code(), "invaliduser");
}

TEST(MessageTest, EveryEntryOfTheMessageMapGivesItsCode) {
  // ApiMessageTrait::$messageMap, all 57 entries of 1.39.
  const std::pair<const char*, const char*> kMessageMap[] = {
      {"actionthrottledtext", "ratelimited"},
      {"autoblockedtext", "autoblocked"},
      {"badaccess-group0", "permissiondenied"},
      {"badaccess-groups", "permissiondenied"},
      {"badipaddress", "invalidip"},
      {"blankpage", "emptypage"},
      {"blockedtext", "blocked"},
      {"blockedtext-composite", "blocked"},
      {"blockedtext-partial", "blocked"},
      {"cannotdelete", "cantdelete"},
      {"cannotundelete", "cantundelete"},
      {"cantmove-titleprotected", "protectedtitle"},
      {"cantrollback", "onlyauthor"},
      {"confirmedittext", "confirmemail"},
      {"content-not-allowed-here", "contentnotallowedhere"},
      {"deleteprotected", "cantedit"},
      {"delete-toobig", "bigdelete"},
      {"edit-conflict", "editconflict"},
      {"imagenocrossnamespace", "nonfilenamespace"},
      {"imagetypemismatch", "filetypemismatch"},
      {"importbadinterwiki", "badinterwiki"},
      {"importcantopen", "cantopenfile"},
      {"import-noarticle", "badinterwiki"},
      {"importnofile", "nofile"},
      {"importuploaderrorpartial", "partialupload"},
      {"importuploaderrorsize", "filetoobig"},
      {"importuploaderrortemp", "notempdir"},
      {"ipb_already_blocked", "alreadyblocked"},
      {"ipb_blocked_as_range", "blockedasrange"},
      {"ipb_cant_unblock", "cantunblock"},
      {"ipb_expiry_invalid", "invalidexpiry"},
      {"ip_range_invalid", "invalidrange"},
      {"mailnologin", "cantsend"},
      {"markedaspatrollederror-noautopatrol", "noautopatrol"},
      {"movenologintext", "cantmove-anon"},
      {"movenotallowed", "cantmove"},
      {"movenotallowedfile", "cantmovefile"},
      {"namespaceprotected", "protectednamespace"},
      {"nocreate-loggedin", "cantcreate"},
      {"nocreatetext", "cantcreate-anon"},
      {"noname", "invaliduser"},
      {"nosuchusershort", "nosuchuser"},
      {"notanarticle", "missingtitle"},
      {"nouserspecified", "invaliduser"},
      {"ns-specialprotected", "unsupportednamespace"},
      {"protect-cantedit", "cantedit"},
      {"protectedinterface", "protectednamespace-interface"},
      {"protectedpagetext", "protectedpage"},
      {"range_block_disabled", "rangedisabled"},
      {"rcpatroldisabled", "patroldisabled"},
      {"readonlytext", "readonly"},
      {"sessionfailure", "badtoken"},
      {"systemblockedtext", "blocked"},
      {"titleprotected", "protectedtitle"},
      {"undo-failure", "undofailure"},
      {"userrights-nodatabase", "nosuchdatabase"},
      {"userrights-no-interwiki", "nointerwikiuserrights"},
  };
  std::string wrong;
  for (const auto& [key, code] : kMessageMap) {
    const std::string actual = Message(key).code();
    if (actual != code) wrong += std::string(key) + " -> " + actual + " (MediaWiki: " + code + ")\n";
  }
  EXPECT_EQ(wrong, "");
}

TEST(MessageTest, CharactersACodeMayNotHoldBecomeUnderscores) {
  // preg_replace('/[^a-zA-Z0-9_-]/', '_', ...): a RawMessage's code is its text
  // (NOTES.md §1.6: "IdP_said_no__invalid_grant_").
  EXPECT_EQ(Message("IdP said no (invalid_grant)").code(), "IdP_said_no__invalid_grant_");
  EXPECT_EQ(Message("apierror-a.b/c").code(), "a_b_c");
  EXPECT_EQ(Message("é").code(), "__");  // two bytes, two underscores
}

TEST(MessageTest, AnExplicitCodeWins) {
  EXPECT_EQ(Message("authpage-cannot-login-continue").with_code("sessionlost").code(), "sessionlost");
  EXPECT_EQ(Message("apierror-badtoken").with_code("other-code_1").code(), "other-code_1");
}

TEST(MessageTest, DataIsKept) {
  const Message message = Message("apiwarn-deprecation-login-token").with_data({{"feature", "action=login&!lgtoken"}});
  EXPECT_EQ(message.data(), Json({{"feature", "action=login&!lgtoken"}}));
  EXPECT_EQ(message.key(), "apiwarn-deprecation-login-token");
}

TEST(MessageTest, HtmlTurnsInternalLinksIntoAnchors) {
  // wfMessage('apiwarn-deprecation-login-botpw')->parse() on a wiki with $wgArticlePath "/index.php/$1".
  EXPECT_EQ(Message("apiwarn-deprecation-login-botpw").html(),
            "Main-account login via <kbd>action=login</kbd> is deprecated and may stop working without warning. To "
            "continue login with <kbd>action=login</kbd>, see <a href=\"/index.php/Special:BotPasswords\" "
            "title=\"Special:BotPasswords\">Special:BotPasswords</a>. To safely continue using main-account login, "
            "see <kbd>action=clientlogin</kbd>.");
  EXPECT_EQ(Message("api-login-fail-aborted").html(),
            "Authentication requires user interaction, which is not supported by <kbd>action=login</kbd>. To be able "
            "to login with <kbd>action=login</kbd>, see <a href=\"/index.php/Special:BotPasswords\" "
            "title=\"Special:BotPasswords\">Special:BotPasswords</a>. To continue using main-account login, see "
            "<kbd><a href=\"/index.php/Special:ApiHelp/clientlogin\" title=\"Special:ApiHelp/clientlogin\">"
            "action=clientlogin</a></kbd>.");
}

TEST(MessageTest, HtmlUsesALinksLabelAndKeepsNewlines) {
  EXPECT_EQ(Message("nosuchuser", {P::plain("Bob")}).html(),
            "There is no user by the name \"Bob\".\nUsernames are case-sensitive.\nCheck your spelling, or <a "
            "href=\"/index.php/Special:CreateAccount\" title=\"Special:CreateAccount\">create a new account</a>.");
  EXPECT_EQ(Message("wrongpassword").html(), "Incorrect username or password entered.\nPlease try again.");
}

TEST(MessageTest, HtmlEscapesABareAmpersand) {
  EXPECT_EQ(Message("apiwarn-deprecation-login-token").html(),
            "Fetching a token via <kbd>action=login</kbd> is deprecated. Use "
            "<kbd>action=query&amp;meta=tokens&amp;type=login</kbd> instead.");
}

TEST(MessageTest, HtmlParsesPlainParametersAsWikitextRatherThanEscapingThem) {
  // Message::extractParam: a plain parameter is substituted 'before' parsing.
  // wfMessage('nosuchuser', 'Bob"x')->parse() keeps the quote;
  // (new RawMessage('$1', ['a &lt; b & c']))->parse() is "a &lt; b &amp; c".
  EXPECT_EQ(Message("nosuchuser", {P::plain("Bob\"x")}).html(),
            "There is no user by the name \"Bob\"x\".\nUsernames are case-sensitive.\nCheck your spelling, or <a "
            "href=\"/index.php/Special:CreateAccount\" title=\"Special:CreateAccount\">create a new account</a>.");
  EXPECT_EQ(Message("$1", {P::plain("a &lt; b & c")}).html(), "a &lt; b &amp; c");
}

TEST(MessageTest, AnUnknownKeyRendersAsTheKeyInBrackets) {
  EXPECT_EQ(Message("no-such-key-xyz").text(), "⧼no-such-key-xyz⧽");
  EXPECT_EQ(Message("no-such-key-xyz").html(), "⧼no-such-key-xyz⧽");
  EXPECT_EQ(Message("<b>").html(), "⧼&lt;b&gt;⧽");
}

TEST(MessageTest, AnUnknownKeyIsHtmlEscapedEvenInText) {
  // Message::fetchMessage fails, and Message::toString returns '⧼' . htmlspecialchars($key) . '⧽'
  // whatever the format: wfMessage('<b>')->text() is "⧼&lt;b&gt;⧽".
  EXPECT_EQ(Message("<b>").text(), "⧼&lt;b&gt;⧽");
}

TEST(StripMarkupTest, SemanticQuotingTagsBecomeQuotes) {
  EXPECT_EQ(strip_markup("The <var>token</var> parameter"), "The \"token\" parameter");
  EXPECT_EQ(strip_markup("<kbd>x</kbd><samp>y</samp><code>z</code>"), "\"x\"\"y\"\"z\"");
}

TEST(StripMarkupTest, OtherTagsAndCommentsGo) {
  EXPECT_EQ(strip_markup("<b>bold</b> <a href=\"x\">link</a>"), "bold link");
  EXPECT_EQ(strip_markup("<span class=\"x\">s</span>"), "s");
  EXPECT_EQ(strip_markup("<!-- c -->d"), "d");
}

TEST(StripMarkupTest, ALessThanSignThatStartsNoTagStays) {
  EXPECT_EQ(strip_markup("a < b > c"), "a < b > c");
  EXPECT_EQ(strip_markup("1 <2"), "1 <2");
}

TEST(StripMarkupTest, CharacterReferencesAreDecoded) {
  // ApiErrorFormatter::stripMarkup("x &lt;y&gt; &amp; &quot;z&quot; &#39; &#x41; &#65; &nbsp;|").
  EXPECT_EQ(strip_markup("x &lt;y&gt; &amp; &quot;z&quot; &#39; &#x41; &#65; &nbsp;|"),
            "x <y> & \"z\" ' A A \xC2\xA0|");
  EXPECT_EQ(strip_markup("a &amp;lt; b"), "a &lt; b");
  EXPECT_EQ(strip_markup("a &bogus; b"), "a &bogus; b");
}

TEST(StripMarkupTest, ANewlineBecomesASpace) {
  EXPECT_EQ(strip_markup("Incorrect username or password entered.\nPlease try again."),
            "Incorrect username or password entered. Please try again.");
  EXPECT_EQ(strip_markup("a\tb\rc"), "a b c");
}

TEST(StripMarkupTest, WhitespaceRunsCollapseAndTheEndsAreTrimmed) {
  // Sanitizer::stripAllTags -> normalizeWhitespace: preg_replace('/[ \r\n\t]+/', ' ') and trim():
  // stripMarkup("a\n\nb") is "a b", stripMarkup("  a  \t b  ") is "a b", stripMarkup("\r\n") is "".
  EXPECT_EQ(strip_markup("a\n\nb"), "a b");
  EXPECT_EQ(strip_markup("  a  \t b  "), "a b");
  EXPECT_EQ(strip_markup("\r\n"), "");
}

}  // namespace
}  // namespace mockwiki::api
