// User names (mockwiki/src/auth/user_name.h) as UserNameUtils::getCanonical($name,
// RIGOR_USABLE) gives them (includes/user/UserNameUtils.php, includes/title/
// MediaWikiTitleCodec.php), and IP addresses as WebRequest::getIP names anonymous users
// (IPUtils::canonicalize, then IPUtils::sanitizeIP). Every expected value was produced by
// running MediaWiki 1.39's PHP on a default installation.
#include "auth/user_name.h"

#include <gtest/gtest.h>

#include <string>

namespace mockwiki::auth {
namespace {

// The canonical name, or "<invalid>".
std::string canonical(std::string_view name) { return canonical_user_name(name).value_or("<invalid>"); }

TEST(UserNameTest, UnderscoresBecomeSpacesAndTheFirstLetterIsUpperCase) {
  EXPECT_EQ(canonical("alice"), "Alice");
  EXPECT_EQ(canonical("alice_smith"), "Alice smith");
  EXPECT_EQ(canonical("Alice_smith"), "Alice smith");
  EXPECT_EQ(canonical("Alice smith"), "Alice smith");
}

TEST(UserNameTest, RunsOfSpacesAndUnderscoresCollapseAndTheEndsAreTrimmed) {
  EXPECT_EQ(canonical("alice__smith"), "Alice smith");
  EXPECT_EQ(canonical("  alice   smith  "), "Alice smith");
  EXPECT_EQ(canonical("_alice_"), "Alice");
}

TEST(UserNameTest, OnlyTheFirstLetterChangesCase) {
  EXPECT_EQ(canonical("aLICE"), "ALICE");
  EXPECT_EQ(canonical("mediawiki default"), "Mediawiki default");
}

TEST(UserNameTest, NonAsciiFirstLettersAreUpperCased) {
  // Language::ucfirst (mb_strtoupper of the first character).
  EXPECT_EQ(canonical("éclair"), "Éclair");
  EXPECT_EQ(canonical("ÿann"), "Ÿann");
  EXPECT_EQ(canonical("ωmega"), "Ωmega");
  EXPECT_EQ(canonical("жук"), "Жук");
  EXPECT_EQ(canonical("ıi"), "Ii");
}

TEST(UserNameTest, AUserPrefixIsDropped) {
  EXPECT_EQ(canonical("User:alice"), "Alice");
  EXPECT_EQ(canonical("user:alice"), "Alice");
  EXPECT_EQ(canonical("USER: bob"), "Bob");
  EXPECT_EQ(canonical("User:"), "<invalid>");
}

TEST(UserNameTest, OtherNamespacesAreRejected) {
  for (const char* name : {"User talk:Alice", "User_talk:Alice", "Talk:Alice", "Special:Alice", "Help:x", "Image:x",
                           "File:x", "Project:x", "Media:x", "Category:x", "MediaWiki:x", "Template:x"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
}

TEST(UserNameTest, ANameThatStillNamesANamespaceAfterTheUserPrefixIsRejected) {
  // getCanonical("User:User:x"): the title's text "User:x" fails isValid's parseTitle check.
  EXPECT_EQ(canonical("User:User:x"), "<invalid>");
}

TEST(UserNameTest, APrefixThatIsNoNamespaceIsPartOfTheName) {
  EXPECT_EQ(canonical("Foo:bar"), "Foo:bar");
  EXPECT_EQ(canonical("a:b"), "A:b");
  EXPECT_EQ(canonical("A:B"), "A:B");
}

TEST(UserNameTest, MainIsNotANamespacePrefix) {
  // The main namespace has no name to write: getCanonical("Main:x") is "Main:x".
  EXPECT_EQ(canonical("Main:x"), "Main:x");
}

TEST(UserNameTest, IllegalTitleCharactersAreRejected) {
  for (const char* name : {"a#b", "a<b", "a>b", "a[b", "a]b", "a|b", "a{b", "a}b", "a\tb", ":a"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
}

TEST(UserNameTest, SlashesAreRejected) {
  EXPECT_EQ(canonical("a/b"), "<invalid>");
  EXPECT_EQ(canonical("Alice/sub"), "<invalid>");
}

TEST(UserNameTest, EscapesSignaturesAndRelativePathsAreRejected) {
  for (const char* name : {"a%41b", "%41", "~~~x", "a~~~", ".", "..", "./a"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
  EXPECT_EQ(canonical("a%4"), "A%4");
}

TEST(UserNameTest, BlankNamesAreRejected) {
  for (const char* name : {"", " ", "_", "__"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << '"' << name << '"';
  }
}

TEST(UserNameTest, IpAddressesAreRejected) {
  for (const char* name : {"127.0.0.1", "1.2.3.4", "::1", "2001:db8::1", "01.2.3.4"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
  EXPECT_EQ(canonical("1.2.3"), "1.2.3");
  EXPECT_EQ(canonical("1.2.3.4.5"), "1.2.3.4.5");
}

TEST(UserNameTest, AnythingShapedLikeAnIpv4AddressIsRejected) {
  // UserNameUtils::isIP: '/^\d{1,3}\.\d{1,3}\.\d{1,3}\.(?:xxx|\d{1,3})$/', not a range check.
  for (const char* name : {"1.2.3.256", "999.1.1.1", "1.2.3.xxx"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
}

TEST(UserNameTest, NamesLongerThan255BytesAreRejected) {
  EXPECT_EQ(canonical(std::string(255, 'a')), "A" + std::string(254, 'a'));
  EXPECT_EQ(canonical(std::string(256, 'a')), "<invalid>");
  std::string accents;
  for (int i = 0; i < 128; ++i) accents += "é";  // 256 bytes
  EXPECT_EQ(canonical(accents), "<invalid>");
}

TEST(UserNameTest, ReservedNamesAreRejected) {
  for (const char* name : {"MediaWiki default", "mediaWiki default", "Conversion script", "Maintenance script",
                           "Template namespace initialisation script", "ScriptImporter", "Unknown user"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
}

TEST(UserNameTest, EveryReservedNameOfMediaWiki139IsRejected) {
  // $wgReservedUsernames (includes/MainConfigSchema.php), the "msg:" entries resolved in English.
  for (const char* name :
       {"Delete page script", "Move page script", "Command line script", "Redirect fixer", "System messenger",
        "Proxy blocker", "DNSBL", "MediaWiki spam cleanup", "MediaWiki automatic change"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
}

TEST(UserNameTest, BotPasswordLoginNamesAreValid) {
  // '@' is in $wgInvalidUsernameCharacters, which only isCreatable checks.
  EXPECT_EQ(canonical("Robo@mybot"), "Robo@mybot");
  EXPECT_EQ(canonical("robo@mybot"), "Robo@mybot");
}

TEST(UserNameTest, ControlAndInvisibleCharactersAreRejected) {
  // isValid's list: U+0080-U+009F, U+2000-U+200F, U+2028-U+202F, U+3000, U+E000-U+F8FF.
  for (const char* name : {"x\xC2\x85",
                           "a\xE2\x80\x8B"
                           "b",
                           "a\xEE\x80\x80"
                           "b"}) {
    EXPECT_EQ(canonical(name), "<invalid>") << name;
  }
}

TEST(UserNameTest, UnicodeSpacesBecomeSpaces) {
  // MediaWikiTitleCodec::splitTitleString turns U+00A0, U+2000-U+200A, U+3000 (and more)
  // into '_' before validation: getCanonical("a\u{A0}\u{A0}b") and getCanonical("a\u{3000}b") are "A b".
  EXPECT_EQ(canonical("a\xC2\xA0\xC2\xA0"
                      "b"),
            "A b");
  EXPECT_EQ(canonical("a\xE3\x80\x80"
                      "b"),
            "A b");
  EXPECT_EQ(canonical("a\xE2\x80\x80"
                      "b"),
            "A b");
  EXPECT_EQ(canonical("a\xE2\x80\xAF"
                      "b"),
            "A b");  // U+202F
}

TEST(UserNameTest, OtherPunctuationIsAllowed) {
  EXPECT_EQ(canonical("a&b"), "A&b");
  EXPECT_EQ(canonical("a;b"), "A;b");
  EXPECT_EQ(canonical("a=b"), "A=b");
  EXPECT_EQ(canonical("O'Brien"), "O'Brien");
}

TEST(UserNameTest, IpAddressesAreRecognized) {
  EXPECT_TRUE(is_ip_address("127.0.0.1"));
  EXPECT_TRUE(is_ip_address("::1"));
  EXPECT_TRUE(is_ip_address("::"));
  EXPECT_TRUE(is_ip_address("2001:db8::1"));
  EXPECT_TRUE(is_ip_address("1:2:3:4:5:6:7:8"));
  EXPECT_FALSE(is_ip_address("1.2.3"));
  EXPECT_FALSE(is_ip_address("1.2.3.4.5"));
  EXPECT_FALSE(is_ip_address("1:2:3:4:5:6:7:8:9"));
  EXPECT_FALSE(is_ip_address("1::2::3"));
  EXPECT_FALSE(is_ip_address("Alice"));
}

TEST(UserNameTest, Ipv4AddressesAreNamedAsTheyAre) {
  EXPECT_EQ(sanitize_ip("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(sanitize_ip("192.168.10.200"), "192.168.10.200");
}

TEST(UserNameTest, Ipv6AddressesAreExpandedAndUpperCased) {
  // IPUtils::sanitizeIP: "::1" -> "0:0:0:0:0:0:0:1", "2001:db8::1" -> "2001:DB8:0:0:0:0:0:1".
  EXPECT_EQ(sanitize_ip("::1"), "0:0:0:0:0:0:0:1");
  EXPECT_EQ(sanitize_ip("::"), "0:0:0:0:0:0:0:0");
  EXPECT_EQ(sanitize_ip("1::"), "1:0:0:0:0:0:0:0");
  EXPECT_EQ(sanitize_ip("2001:db8::1"), "2001:DB8:0:0:0:0:0:1");
  EXPECT_EQ(sanitize_ip("2001:0db8:0000:0000:0000:0000:0000:0001"), "2001:DB8:0:0:0:0:0:1");
  EXPECT_EQ(sanitize_ip("fe80::a:B"), "FE80:0:0:0:0:0:A:B");
  EXPECT_EQ(sanitize_ip("1:0:0:2::3"), "1:0:0:2:0:0:0:3");
  EXPECT_EQ(sanitize_ip("1:2:3:4:5:6:7:8"), "1:2:3:4:5:6:7:8");
}

TEST(UserNameTest, AnIpv4MappedAddressIsItsIpv4Address) {
  // WebRequest::getRawIP: IPUtils::canonicalize("::ffff:1.2.3.4") is "1.2.3.4".
  EXPECT_EQ(sanitize_ip("::ffff:1.2.3.4"), "1.2.3.4");
}

TEST(UserNameTest, UpperCaseFirstLeavesTheRestAlone) {
  EXPECT_EQ(upper_case_first("éCLAIR_x"), "ÉCLAIR_x");
  EXPECT_EQ(upper_case_first(""), "");
  EXPECT_EQ(upper_case_first("1abc"), "1abc");
}

}  // namespace
}  // namespace mockwiki::auth
