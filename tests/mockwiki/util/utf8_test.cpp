// UTF-8 decoding and repair (mockwiki/src/util/utf8.h). MediaWiki cleans every request value
// with UtfNormal\Validator::cleanUp (vendor/wikimedia/utfnormal/src/Validator.php) and reads
// non-UTF-8 query values as Windows-1252 (Language::checkTitleEncoding).
#include "util/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace mockwiki::util {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct Decoded {
  std::uint32_t code_point;
  std::size_t length;
};

Decoded decode(std::string_view text) {
  std::size_t length = 0;
  const std::uint32_t cp = decode_utf8(text, &length);
  return {cp, length};
}

TEST(Utf8Test, DecodesOneToFourByteSequences) {
  EXPECT_EQ(decode("A").code_point, 0x41u);
  EXPECT_EQ(decode("A").length, 1u);
  EXPECT_EQ(decode("é").code_point, 0xE9u);
  EXPECT_EQ(decode("é").length, 2u);
  EXPECT_EQ(decode("€uro").code_point, 0x20ACu);
  EXPECT_EQ(decode("€uro").length, 3u);
  EXPECT_EQ(decode("😀").code_point, 0x1F600u);
  EXPECT_EQ(decode("😀").length, 4u);
  EXPECT_EQ(decode("\xF4\x8F\xBF\xBF").code_point, 0x10FFFFu);
}

TEST(Utf8Test, AnInvalidSequenceDecodesAsReplacementOverItsMaximalSubpart) {
  // A stray continuation byte, a byte that never starts a sequence.
  EXPECT_EQ(decode("\x80").code_point, 0xFFFDu);
  EXPECT_EQ(decode("\x80").length, 1u);
  EXPECT_EQ(decode("\xC0\xAF").length, 1u);
  EXPECT_EQ(decode("\xF5\x80").length, 1u);
  // A truncated sequence: the lead byte and the continuation bytes that fitted.
  EXPECT_EQ(decode("\xE2\x82").code_point, 0xFFFDu);
  EXPECT_EQ(decode("\xE2\x82").length, 2u);
  EXPECT_EQ(decode("\xE2\x82"
                   "A")
                .length,
            2u);
  EXPECT_EQ(decode("\xF0\x9F\x98"
                   "b")
                .length,
            3u);
  // Overlong forms, surrogates and code points past U+10FFFF fail at the second byte.
  EXPECT_EQ(decode("\xE0\x80\x80").length, 1u);
  EXPECT_EQ(decode("\xED\xA0\x80").length, 1u);
  EXPECT_EQ(decode("\xF4\x90\x80\x80").length, 1u);
}

TEST(Utf8Test, EncodesCodePointsOfEveryLength) {
  EXPECT_EQ(encode_utf8(0x41), "A");
  EXPECT_EQ(encode_utf8(0xE9), "é");
  EXPECT_EQ(encode_utf8(0x20AC), "€");
  EXPECT_EQ(encode_utf8(0x1F600), "😀");
  EXPECT_EQ(encode_utf8(0xFFFD), kReplacement);
}

TEST(Utf8Test, ValidTextIsRecognizedIncludingAReplacementCharacter) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII"));
  EXPECT_TRUE(is_valid_utf8("Ωmega – €5 😀"));
  EXPECT_TRUE(is_valid_utf8(kReplacement));
  EXPECT_FALSE(is_valid_utf8("a\x80"));
  EXPECT_FALSE(is_valid_utf8("a\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));
}

TEST(Utf8Test, RepairReplacesEachMaximalSubpartOnce) {
  EXPECT_EQ(repair_utf8("Ωmega"), "Ωmega");
  EXPECT_EQ(repair_utf8("a\xF0\x9F\x98"
                        "b"),
            std::string("a") + kReplacement + "b");
  EXPECT_EQ(repair_utf8("\x80\x80"), std::string(kReplacement) + kReplacement);
  EXPECT_EQ(repair_utf8("\xE2\x82\xE2\x82\xAC"), std::string(kReplacement) + "€");
  EXPECT_EQ(repair_utf8("x\xC3"), std::string("x") + kReplacement);
  // An existing U+FFFD is kept as it is.
  EXPECT_EQ(repair_utf8(std::string("a") + kReplacement), std::string("a") + kReplacement);
}

TEST(Utf8Test, CleanUpReplacesC0ControlsButKeepsTabNewlineCarriageReturnAndDel) {
  // UtfNormal\Validator::cleanUp("a\x01b") is "a\u{FFFD}b"; "\t\n\r" and "\x7F" pass.
  EXPECT_EQ(clean_up_utf8("a\x01"
                          "b"),
            std::string("a") + kReplacement + "b");
  EXPECT_EQ(clean_up_utf8(std::string("\0", 1)), kReplacement);
  EXPECT_EQ(clean_up_utf8("\x1F"), kReplacement);
  EXPECT_EQ(clean_up_utf8("\t\n\r"), "\t\n\r");
  EXPECT_EQ(clean_up_utf8("a\x7F"
                          "b"),
            "a\x7F"
            "b");
}

TEST(Utf8Test, CleanUpReplacesInvalidSequencesAndKeepsValidText) {
  EXPECT_EQ(clean_up_utf8("Ωmega €"), "Ωmega €");
  EXPECT_EQ(clean_up_utf8("a\xF0\x9F\x98"
                          "b"),
            std::string("a") + kReplacement + "b");
  EXPECT_EQ(clean_up_utf8("\x80\x80"), std::string(kReplacement) + kReplacement);
  EXPECT_EQ(clean_up_utf8("x\xC3"), std::string("x") + kReplacement);
  // C1 controls are valid UTF-8 and stay.
  EXPECT_EQ(clean_up_utf8("\xC2\x85"), "\xC2\x85");
}

TEST(Utf8Test, CleanUpReplacesAnOverlongSurrogateOrOutOfRangeSequenceWithOneCharacter) {
  // UtfNormal\Validator::cleanUp takes a lead byte with the continuation bytes it announces
  // as one bad sequence: each of these is one U+FFFD (run against MediaWiki 1.39's copy).
  EXPECT_EQ(clean_up_utf8("\xC0\xAF"), kReplacement);
  EXPECT_EQ(clean_up_utf8("\xE0\x80\x80"), kReplacement);
  EXPECT_EQ(clean_up_utf8("\xED\xA0\x80"), kReplacement);
  EXPECT_EQ(clean_up_utf8("\xF4\x90\x80\x80"), kReplacement);
}

TEST(Utf8Test, CleanUpReplacesTheNoncharactersFffeAndFfff) {
  // UtfNormal\Validator::cleanUp("\u{FFFE}") and cleanUp("\u{FFFF}") are "\u{FFFD}".
  EXPECT_EQ(clean_up_utf8("\xEF\xBF\xBE"), kReplacement);
  EXPECT_EQ(clean_up_utf8("\xEF\xBF\xBF"), kReplacement);
}

TEST(Utf8Test, Windows1252MapsTheHighControlRangeToItsPunctuation) {
  // iconv('windows-1252', 'utf-8//IGNORE', ...), as Language::iconv calls it.
  EXPECT_EQ(windows_1252_to_utf8("\x80"), "€");
  EXPECT_EQ(windows_1252_to_utf8("\x8A\x9F"), "ŠŸ");
  EXPECT_EQ(windows_1252_to_utf8("\x93quoted\x94"), "“quoted”");
  EXPECT_EQ(windows_1252_to_utf8("caf\xE9"), "café");
  EXPECT_EQ(windows_1252_to_utf8("\xA0\xFF"), "\xC2\xA0ÿ");
  EXPECT_EQ(windows_1252_to_utf8("plain"), "plain");
}

TEST(Utf8Test, Windows1252DropsTheFiveUndefinedBytes) {
  // checkTitleEncoding("a\x81b\x80c") is "ab€c" on MediaWiki 1.39.
  EXPECT_EQ(windows_1252_to_utf8("a\x81"
                                 "b\x80"
                                 "c"),
            "ab€c");
  EXPECT_EQ(windows_1252_to_utf8("\x81\x8D\x8F\x90\x9D"), "");
}

}  // namespace
}  // namespace mockwiki::util
