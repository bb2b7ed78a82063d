// Text helpers (mockwiki/src/util/text.h): PHP's urldecode/urlencode, wfEscapeWikiText
// (includes/GlobalFunctions.php), English number formatting (Language::formatNum) and the
// date formats of setcookie() and TS_ISO_8601. Expected values were produced by running
// MediaWiki 1.39's PHP.
#include "util/text.h"

#include <gtest/gtest.h>

namespace mockwiki::util {
namespace {

TEST(TextTest, UrlDecodeTurnsPlusIntoSpaceAndKeepsMalformedEscapes) {
  // urldecode("a+b%41%4g%zz%") is "a bA%4g%zz%".
  EXPECT_EQ(url_decode("a+b%41%4g%zz%"), "a bA%4g%zz%");
  EXPECT_EQ(url_decode("%C3%A9%c3%a9"), "éé");
  EXPECT_EQ(url_decode("%2B%26%3D"), "+&=");
  EXPECT_EQ(url_decode("%4"), "%4");
  EXPECT_EQ(url_decode("100%"), "100%");
  EXPECT_EQ(url_decode(""), "");
}

TEST(TextTest, UrlDecodeKeepsBytesThatAreNotUtf8) { EXPECT_EQ(url_decode("%E9%00x"), std::string("\xE9\0x", 3)); }

TEST(TextTest, PercentEncodeKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percent_encode("a b~*-_.é/+"), "a%20b~%2A-_.%C3%A9%2F%2B");
}

TEST(TextTest, EscapeWikitextTurnsMarkupCharactersIntoReferences) {
  EXPECT_EQ(escape_wikitext("a\"&'<=>[]{|}b"), "a&#34;&#38;&#39;&#60;&#61;&#62;&#91;&#93;&#123;&#124;&#125;b");
  EXPECT_EQ(escape_wikitext(";x"), "&#59;x");
  EXPECT_EQ(escape_wikitext("plain text, 100% safe!"), "plain text, 100% safe!");
}

TEST(TextTest, EscapeWikitextEscapesLineStartMarkupIncludingTheFirstLine) {
  // wfEscapeWikiText prefixes "\n" so the first line counts as a line start.
  EXPECT_EQ(escape_wikitext("#start"), "&#35;start");
  EXPECT_EQ(escape_wikitext("*x"), "&#42;x");
  EXPECT_EQ(escape_wikitext(":x"), "&#58;x");
  EXPECT_EQ(escape_wikitext(" lead"), "&#32;lead");
  EXPECT_EQ(escape_wikitext("----b"), "&#45;---b");
  EXPECT_EQ(escape_wikitext("a\n#b"), "a\n&#35;b");
  EXPECT_EQ(escape_wikitext("a\r#b"), "a\r&#35;b");
  EXPECT_EQ(escape_wikitext("a\n----b"), "a\n&#45;---b");
  EXPECT_EQ(escape_wikitext("a\n\tb"), "a\n&#9;b");
}

TEST(TextTest, EscapeWikitextEscapesBlankLinesAndCarriageReturns) {
  EXPECT_EQ(escape_wikitext("a\n\nb"), "a\n&#10;b");
  EXPECT_EQ(escape_wikitext("a\r\nb"), "a&#13;\nb");
  EXPECT_EQ(escape_wikitext("a\n\rb"), "a\n&#13;b");
  EXPECT_EQ(escape_wikitext("a\r\rb"), "a\r&#13;b");
}

TEST(TextTest, EscapeWikitextBreaksDoubleUnderscoresAndUrls) {
  EXPECT_EQ(escape_wikitext("a__b"), "a_&#95;b");
  EXPECT_EQ(escape_wikitext("___"), "_&#95;_");
  EXPECT_EQ(escape_wikitext("http://x"), "http&#58;//x");
  EXPECT_EQ(escape_wikitext("a://b://c"), "a&#58;//b&#58;//c");
  EXPECT_EQ(escape_wikitext("a:b"), "a:b");
}

TEST(TextTest, EscapeWikitextBreaksProtocolsWithoutSlashesAtAWordBoundary) {
  // '/\b(bitcoin|geo|...|xmpp):/i' over $wgUrlProtocols entries ending in ':'.
  EXPECT_EQ(escape_wikitext("mailto:x"), "mailto&#58;x");
  EXPECT_EQ(escape_wikitext("MAILTO:x"), "MAILTO&#58;x");
  EXPECT_EQ(escape_wikitext("news:x"), "news&#58;x");
  EXPECT_EQ(escape_wikitext("sips:x"), "sips&#58;x");
  EXPECT_EQ(escape_wikitext("&mailto:x"), "&#38;mailto&#58;x");
  EXPECT_EQ(escape_wikitext("émailto:x"), "émailto&#58;x");  // PCRE without /u: é is not a word byte
  EXPECT_EQ(escape_wikitext("xmailto:x"), "xmailto:x");
  EXPECT_EQ(escape_wikitext("_mailto:x"), "_mailto:x");
}

TEST(TextTest, EscapeWikitextBreaksTheMatrixProtocol) {
  // 1.39's $wgUrlProtocols includes "matrix:" (includes/MainConfigSchema.php);
  // wfEscapeWikiText("matrix:x") is "matrix&#58;x".
  EXPECT_EQ(escape_wikitext("matrix:x"), "matrix&#58;x");
}

TEST(TextTest, EscapeWikitextLeavesWhatMediaWiki139LeavesAlone) {
  // No "!!", "~~~" or magic-link entries in 1.39's table ($wgEnableMagicLinks are all off).
  EXPECT_EQ(escape_wikitext("!!"), "!!");
  EXPECT_EQ(escape_wikitext("~~~~"), "~~~~");
  EXPECT_EQ(escape_wikitext("ISBN 123"), "ISBN 123");
}

TEST(TextTest, FormatNumberGroupsThousandsWithCommas) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000), "1,000");
  EXPECT_EQ(format_number(4096), "4,096");
  EXPECT_EQ(format_number(1234567), "1,234,567");
}

TEST(TextTest, FormatNumberWritesNegativeNumbersWithAMinusSign) {
  // Language::formatNum(-1234567) in English is "\u{2212}1,234,567" (U+2212 MINUS SIGN).
  EXPECT_EQ(format_number(-1234567),
            "\xE2\x88\x92"
            "1,234,567");
  EXPECT_EQ(format_number(-999),
            "\xE2\x88\x92"
            "999");
}

TEST(TextTest, HttpDateIsTheCookieExpiryFormat) {
  // gmdate('D, d M Y H:i:s \G\M\T', 1795566074)
  EXPECT_EQ(http_date(1795566074), "Wed, 25 Nov 2026 00:21:14 GMT");
  EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(http_date(1), "Thu, 01 Jan 1970 00:00:01 GMT");
}

TEST(TextTest, Iso8601IsMediaWikisTsIso8601) {
  // wfTimestamp(TS_ISO_8601, 1795566074)
  EXPECT_EQ(iso8601(1795566074), "2026-11-25T00:21:14Z");
  EXPECT_EQ(iso8601(0), "1970-01-01T00:00:00Z");
}

TEST(TextTest, DecodeHtmlEntitiesDecodesTheReferencesMessagesUse) {
  EXPECT_EQ(decode_html_entities("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39;"), "<a> & \"b\" 'c'");
  EXPECT_EQ(decode_html_entities("&#65;&#x42;&#X43;&#233;"), "ABCé");
  EXPECT_EQ(decode_html_entities("&apos;&nbsp;"), "'\xC2\xA0");
}

TEST(TextTest, DecodeHtmlEntitiesKeepsWhatIsNotAReference) {
  EXPECT_EQ(decode_html_entities("a & b"), "a & b");
  EXPECT_EQ(decode_html_entities("&bogus;"), "&bogus;");
  EXPECT_EQ(decode_html_entities("&amp;lt;"), "&lt;");
  EXPECT_EQ(decode_html_entities("&#;&#x;"), "&#;&#x;");
  EXPECT_EQ(decode_html_entities("&lt"), "&lt");
}

TEST(TextTest, HtmlEscapeEscapesTheFourHtmlSpecialCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\">&"), "&lt;a href=&quot;x&quot;&gt;&amp;");
}

TEST(TextTest, CaseInsensitiveComparisonAndLowerCaseAreAsciiOnly) {
  EXPECT_TRUE(equals_ignore_case("Content-Type", "content-type"));
  EXPECT_FALSE(equals_ignore_case("Content-Type", "content-typ"));
  EXPECT_EQ(lower_ascii("MIXED Case É"), "mixed case É");
}

}  // namespace
}  // namespace mockwiki::util
