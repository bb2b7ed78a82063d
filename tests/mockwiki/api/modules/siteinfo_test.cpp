// meta=siteinfo: the site's description in the reference wiki's shape, with the mock's own
// server, wiki id, site name and time (ApiQuerySiteinfo.php; ../shared/reference/NOTES.md
// §15.3; siprop=general in tests/reference/raw/siteinfo.txt; the other props in the
// transcripts tests/reference/mw-1.39/siteinfo-*.json).
#include <chrono>

#include "support/mock_wiki_test.h"

namespace mockwiki::testing {
namespace {

constexpr std::int64_t kNow = 1795564809;  // the clock of these tests, frozen
constexpr const char* kNowIso = "2026-11-25T00:00:09Z";

// siprop=general as raw/siteinfo.txt shows it; $SERVER, $WIKIID and $TIME are the wiki's own.
constexpr const char* kGeneralFv1 =
    R"({"mainpage":"Main Page","base":"$SERVER/index.php/Main_Page","sitename":"RefWiki",
"logo":"$SERVER/resources/assets/change-your-logo.svg","generator":"MediaWiki 1.39.17","phpversion":"8.2.36",
"phpsapi":"cli-server","dbtype":"sqlite","dbversion":"3.40.1","langconversion":"","linkconversion":"",
"titleconversion":"","linkprefixcharset":"","linkprefix":"","linktrail":"/^([a-z]+)(.*)$/sD",
"legaltitlechars":" %!\"$&'()*,\\-.\\/0-9:;=?@A-Z\\\\^_`a-z~\\x80-\\xFF+","invalidusernamechars":"@:>",
"fixarabicunicode":"","fixmalayalamunicode":"","case":"first-letter","lang":"en","fallback":[],
"fallback8bitEncoding":"windows-1252","writeapi":"","maxarticlesize":2097152,"timezone":"UTC","timeoffset":0,
"articlepath":"/index.php/$1","scriptpath":"","script":"/index.php","variantarticlepath":false,"server":"$SERVER",
"servername":"127.0.0.1","wikiid":"$WIKIID","time":"$TIME","maxuploadsize":104857600,"minuploadchunksize":1024,
"galleryoptions":{"imagesPerRow":0,"imageWidth":120,"imageHeight":120,"captionLength":"","showBytes":"",
"showDimensions":"","mode":"traditional"},"thumblimits":[120,150,180,200,250,300],"imagelimits":[
{"width":320,"height":240},{"width":640,"height":480},{"width":800,"height":600},{"width":1024,"height":768},
{"width":1280,"height":1024},{"width":2560,"height":2048}],"favicon":"$SERVER/favicon.ico",
"centralidlookupprovider":"local","allcentralidlookupproviders":["local"],"interwikimagic":"","magiclinks":[],
"categorycollation":"uppercase","nofollowlinks":"","nofollownsexceptions":[],"nofollowdomainexceptions":["mediawiki.org"]})";

constexpr const char* kGeneralFv2 =
    R"({"mainpage":"Main Page","base":"$SERVER/index.php/Main_Page","sitename":"RefWiki",
"mainpageisdomainroot":false,"logo":"$SERVER/resources/assets/change-your-logo.svg","generator":"MediaWiki 1.39.17",
"phpversion":"8.2.36","phpsapi":"cli-server","dbtype":"sqlite","dbversion":"3.40.1","imagewhitelistenabled":false,
"langconversion":true,"linkconversion":true,"titleconversion":true,"linkprefixcharset":"","linkprefix":"",
"linktrail":"/^([a-z]+)(.*)$/sD","legaltitlechars":" %!\"$&'()*,\\-.\\/0-9:;=?@A-Z\\\\^_`a-z~\\x80-\\xFF+",
"invalidusernamechars":"@:>","allunicodefixes":false,"fixarabicunicode":true,"fixmalayalamunicode":true,
"case":"first-letter","lang":"en","fallback":[],"rtl":false,"fallback8bitEncoding":"windows-1252","readonly":false,
"writeapi":true,"maxarticlesize":2097152,"timezone":"UTC","timeoffset":0,"articlepath":"/index.php/$1",
"scriptpath":"","script":"/index.php","variantarticlepath":false,"server":"$SERVER","servername":"127.0.0.1",
"wikiid":"$WIKIID","time":"$TIME","misermode":false,"uploadsenabled":false,"maxuploadsize":104857600,
"minuploadchunksize":1024,"galleryoptions":{"imagesPerRow":0,"imageWidth":120,"imageHeight":120,"captionLength":true,
"showBytes":true,"showDimensions":true,"mode":"traditional"},"thumblimits":{"0":120,"1":150,"2":180,"3":200,"4":250,
"5":300},"imagelimits":{"0":{"width":320,"height":240},"1":{"width":640,"height":480},"2":{"width":800,"height":600},
"3":{"width":1024,"height":768},"4":{"width":1280,"height":1024},"5":{"width":2560,"height":2048}},
"favicon":"$SERVER/favicon.ico","centralidlookupprovider":"local","allcentralidlookupproviders":["local"],
"interwikimagic":true,"magiclinks":{"ISBN":false,"PMID":false,"RFC":false},"categorycollation":"uppercase",
"nofollowlinks":true,"nofollownsexceptions":[],"nofollowdomainexceptions":["mediawiki.org"],"externallinktarget":false})";

// Transcripts siteinfo-namespaces-mwclient-fv1 and siteinfo-namespaces-fv2 (ids as they are).
constexpr const char* kNamespacesFv1 = R"({"-2":{"id":-2,"case":"first-letter","canonical":"Media","*":"Media"},
"-1":{"id":-1,"case":"first-letter","canonical":"Special","*":"Special"},
"0":{"id":0,"case":"first-letter","content":"","*":""},
"1":{"id":1,"case":"first-letter","subpages":"","canonical":"Talk","*":"Talk"},
"2":{"id":2,"case":"first-letter","subpages":"","canonical":"User","*":"User"},
"3":{"id":3,"case":"first-letter","subpages":"","canonical":"User talk","*":"User talk"},
"4":{"id":4,"case":"first-letter","subpages":"","canonical":"Project","*":"RefWiki"},
"5":{"id":5,"case":"first-letter","subpages":"","canonical":"Project talk","*":"RefWiki talk"},
"6":{"id":6,"case":"first-letter","canonical":"File","*":"File"},
"7":{"id":7,"case":"first-letter","subpages":"","canonical":"File talk","*":"File talk"},
"8":{"id":8,"case":"first-letter","subpages":"","canonical":"MediaWiki","namespaceprotection":"editinterface","*":"MediaWiki"},
"9":{"id":9,"case":"first-letter","subpages":"","canonical":"MediaWiki talk","*":"MediaWiki talk"},
"10":{"id":10,"case":"first-letter","subpages":"","canonical":"Template","*":"Template"},
"11":{"id":11,"case":"first-letter","subpages":"","canonical":"Template talk","*":"Template talk"},
"12":{"id":12,"case":"first-letter","subpages":"","canonical":"Help","*":"Help"},
"13":{"id":13,"case":"first-letter","subpages":"","canonical":"Help talk","*":"Help talk"},
"14":{"id":14,"case":"first-letter","canonical":"Category","*":"Category"},
"15":{"id":15,"case":"first-letter","subpages":"","canonical":"Category talk","*":"Category talk"}})";

constexpr const char* kNamespacesFv2 = R"({
"-2":{"id":-2,"case":"first-letter","name":"Media","subpages":false,"canonical":"Media","content":false,"nonincludable":false},
"-1":{"id":-1,"case":"first-letter","name":"Special","subpages":false,"canonical":"Special","content":false,"nonincludable":false},
"0":{"id":0,"case":"first-letter","name":"","subpages":false,"content":true,"nonincludable":false},
"1":{"id":1,"case":"first-letter","name":"Talk","subpages":true,"canonical":"Talk","content":false,"nonincludable":false},
"2":{"id":2,"case":"first-letter","name":"User","subpages":true,"canonical":"User","content":false,"nonincludable":false},
"3":{"id":3,"case":"first-letter","name":"User talk","subpages":true,"canonical":"User talk","content":false,"nonincludable":false},
"4":{"id":4,"case":"first-letter","name":"RefWiki","subpages":true,"canonical":"Project","content":false,"nonincludable":false},
"5":{"id":5,"case":"first-letter","name":"RefWiki talk","subpages":true,"canonical":"Project talk","content":false,"nonincludable":false},
"6":{"id":6,"case":"first-letter","name":"File","subpages":false,"canonical":"File","content":false,"nonincludable":false},
"7":{"id":7,"case":"first-letter","name":"File talk","subpages":true,"canonical":"File talk","content":false,"nonincludable":false},
"8":{"id":8,"case":"first-letter","name":"MediaWiki","subpages":true,"canonical":"MediaWiki","content":false,"nonincludable":false,"namespaceprotection":"editinterface"},
"9":{"id":9,"case":"first-letter","name":"MediaWiki talk","subpages":true,"canonical":"MediaWiki talk","content":false,"nonincludable":false},
"10":{"id":10,"case":"first-letter","name":"Template","subpages":true,"canonical":"Template","content":false,"nonincludable":false},
"11":{"id":11,"case":"first-letter","name":"Template talk","subpages":true,"canonical":"Template talk","content":false,"nonincludable":false},
"12":{"id":12,"case":"first-letter","name":"Help","subpages":true,"canonical":"Help","content":false,"nonincludable":false},
"13":{"id":13,"case":"first-letter","name":"Help talk","subpages":true,"canonical":"Help talk","content":false,"nonincludable":false},
"14":{"id":14,"case":"first-letter","name":"Category","subpages":false,"canonical":"Category","content":false,"nonincludable":false},
"15":{"id":15,"case":"first-letter","name":"Category talk","subpages":true,"canonical":"Category talk","content":false,"nonincludable":false}})";

// A fresh install's interwiki table (maintenance/interwiki.list), read from the reference wiki
// (the transcript siteinfo-namespacealiases-interwikimap hides the api URLs).
constexpr const char* kInterwikiMapFv2 = R"([
  {"prefix":"acronym","url":"https://www.acronymfinder.com/~/search/af.aspx?string=exact&Acronym=$1","protorel":false},
  {"prefix":"advogato","url":"http://www.advogato.org/$1","protorel":false},
  {"prefix":"arxiv","url":"https://www.arxiv.org/abs/$1","protorel":false},
  {"prefix":"c2find","url":"http://c2.com/cgi/wiki?FindPage&value=$1","protorel":false},
  {"prefix":"cache","url":"https://www.google.com/search?q=cache:$1","protorel":false},
  {"prefix":"commons","url":"https://commons.wikimedia.org/wiki/$1","protorel":false,"api":"https://commons.wikimedia.org/w/api.php"},
  {"prefix":"dictionary","url":"http://www.dict.org/bin/Dict?Database=*&Form=Dict1&Strategy=*&Query=$1","protorel":false},
  {"prefix":"doi","url":"https://dx.doi.org/$1","protorel":false},
  {"prefix":"drumcorpswiki","url":"http://www.drumcorpswiki.com/$1","protorel":false,"api":"http://drumcorpswiki.com/api.php"},
  {"prefix":"dwjwiki","url":"http://www.suberic.net/cgi-bin/dwj/wiki.cgi?$1","protorel":false},
  {"prefix":"elibre","url":"http://enciclopedia.us.es/index.php/$1","protorel":false,"api":"http://enciclopedia.us.es/api.php"},
  {"prefix":"emacswiki","url":"https://www.emacswiki.org/emacs/$1","protorel":false},
  {"prefix":"foldoc","url":"https://foldoc.org/?$1","protorel":false},
  {"prefix":"foxwiki","url":"https://fox.wikis.com/wc.dll?Wiki~$1","protorel":false},
  {"prefix":"freebsdman","url":"https://www.FreeBSD.org/cgi/man.cgi?apropos=1&query=$1","protorel":false},
  {"prefix":"gentoo-wiki","url":"http://gentoo-wiki.com/$1","protorel":false},
  {"prefix":"google","url":"https://www.google.com/search?q=$1","protorel":false},
  {"prefix":"googlegroups","url":"https://groups.google.com/groups?q=$1","protorel":false},
  {"prefix":"hammondwiki","url":"http://www.dairiki.org/HammondWiki/$1","protorel":false},
  {"prefix":"hrwiki","url":"http://www.hrwiki.org/wiki/$1","protorel":false,"api":"http://www.hrwiki.org/w/api.php"},
  {"prefix":"imdb","url":"http://www.imdb.com/find?q=$1&tt=on","protorel":false},
  {"prefix":"kmwiki","url":"https://kmwiki.wikispaces.com/$1","protorel":false},
  {"prefix":"linuxwiki","url":"http://linuxwiki.de/$1","protorel":false},
  {"prefix":"lojban","url":"https://mw.lojban.org/papri/$1","protorel":false},
  {"prefix":"lqwiki","url":"http://wiki.linuxquestions.org/wiki/$1","protorel":false},
  {"prefix":"meatball","url":"http://meatballwiki.org/wiki/$1","protorel":false},
  {"prefix":"mediawikiwiki","url":"https://www.mediawiki.org/wiki/$1","protorel":false,"api":"https://www.mediawiki.org/w/api.php"},
  {"prefix":"memoryalpha","url":"http://en.memory-alpha.org/wiki/$1","protorel":false,"api":"http://en.memory-alpha.org/api.php"},
  {"prefix":"metawiki","url":"http://sunir.org/apps/meta.pl?$1","protorel":false},
  {"prefix":"metawikimedia","url":"https://meta.wikimedia.org/wiki/$1","protorel":false,"api":"https://meta.wikimedia.org/w/api.php"},
  {"prefix":"mozillawiki","url":"https://wiki.mozilla.org/$1","protorel":false,"api":"https://wiki.mozilla.org/api.php"},
  {"prefix":"mw","url":"https://www.mediawiki.org/wiki/$1","protorel":false,"api":"https://www.mediawiki.org/w/api.php"},
  {"prefix":"oeis","url":"https://oeis.org/$1","protorel":false},
  {"prefix":"openwiki","url":"http://openwiki.com/ow.asp?$1","protorel":false},
  {"prefix":"pmid","url":"https://www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract","protorel":false},
  {"prefix":"pythoninfo","url":"https://wiki.python.org/moin/$1","protorel":false},
  {"prefix":"rfc","url":"https://tools.ietf.org/html/rfc$1","protorel":false},
  {"prefix":"s23wiki","url":"http://s23.org/wiki/$1","protorel":false,"api":"http://s23.org/w/api.php"},
  {"prefix":"seattlewireless","url":"http://seattlewireless.net/$1","protorel":false},
  {"prefix":"senseislibrary","url":"https://senseis.xmp.net/?$1","protorel":false},
  {"prefix":"shoutwiki","url":"http://www.shoutwiki.com/wiki/$1","protorel":false,"api":"http://www.shoutwiki.com/w/api.php"},
  {"prefix":"squeak","url":"http://wiki.squeak.org/squeak/$1","protorel":false},
  {"prefix":"theopedia","url":"https://www.theopedia.com/$1","protorel":false},
  {"prefix":"tmbw","url":"http://www.tmbw.net/wiki/$1","protorel":false,"api":"http://tmbw.net/wiki/api.php"},
  {"prefix":"tmnet","url":"http://www.technomanifestos.net/?$1","protorel":false},
  {"prefix":"twiki","url":"http://twiki.org/cgi-bin/view/$1","protorel":false},
  {"prefix":"uncyclopedia","url":"https://en.uncyclopedia.co/wiki/$1","protorel":false,"api":"https://en.uncyclopedia.co/w/api.php"},
  {"prefix":"unreal","url":"https://wiki.beyondunreal.com/$1","protorel":false,"api":"https://wiki.beyondunreal.com/w/api.php"},
  {"prefix":"usemod","url":"http://www.usemod.com/cgi-bin/wiki.pl?$1","protorel":false},
  {"prefix":"wiki","url":"http://c2.com/cgi/wiki?$1","protorel":false},
  {"prefix":"wikia","url":"http://www.wikia.com/wiki/$1","protorel":false},
  {"prefix":"wikibooks","url":"https://en.wikibooks.org/wiki/$1","protorel":false,"api":"https://en.wikibooks.org/w/api.php"},
  {"prefix":"wikidata","url":"https://www.wikidata.org/wiki/$1","protorel":false,"api":"https://www.wikidata.org/w/api.php"},
  {"prefix":"wikif1","url":"http://www.wikif1.org/$1","protorel":false},
  {"prefix":"wikihow","url":"https://www.wikihow.com/$1","protorel":false,"api":"https://www.wikihow.com/api.php"},
  {"prefix":"wikimedia","url":"https://foundation.wikimedia.org/wiki/$1","protorel":false,"api":"https://foundation.wikimedia.org/w/api.php"},
  {"prefix":"wikinews","url":"https://en.wikinews.org/wiki/$1","protorel":false,"api":"https://en.wikinews.org/w/api.php"},
  {"prefix":"wikinfo","url":"http://wikinfo.co/English/index.php/$1","protorel":false},
  {"prefix":"wikipedia","url":"https://en.wikipedia.org/wiki/$1","protorel":false,"api":"https://en.wikipedia.org/w/api.php"},
  {"prefix":"wikiquote","url":"https://en.wikiquote.org/wiki/$1","protorel":false,"api":"https://en.wikiquote.org/w/api.php"},
  {"prefix":"wikisource","url":"https://wikisource.org/wiki/$1","protorel":false,"api":"https://wikisource.org/w/api.php"},
  {"prefix":"wikispecies","url":"https://species.wikimedia.org/wiki/$1","protorel":false,"api":"https://species.wikimedia.org/w/api.php"},
  {"prefix":"wikiversity","url":"https://en.wikiversity.org/wiki/$1","protorel":false,"api":"https://en.wikiversity.org/w/api.php"},
  {"prefix":"wikivoyage","url":"https://en.wikivoyage.org/wiki/$1","protorel":false,"api":"https://en.wikivoyage.org/w/api.php"},
  {"prefix":"wikt","url":"https://en.wiktionary.org/wiki/$1","protorel":false,"api":"https://en.wiktionary.org/w/api.php"},
  {"prefix":"wiktionary","url":"https://en.wiktionary.org/wiki/$1","protorel":false,"api":"https://en.wiktionary.org/w/api.php"}])";

// Transcript siteinfo-usergroups.
constexpr const char* kUserGroups = R"([
{"name":"*","rights":["createaccount","read","edit","createpage","createtalk","writeapi","viewmywatchlist",
 "editmywatchlist","viewmyprivateinfo","editmyprivateinfo","editmyoptions"]},
{"name":"user","rights":["move","move-subpages","move-rootuserpages","move-categorypages","movefile","read","edit",
 "createpage","createtalk","writeapi","upload","reupload","reupload-shared","minoredit","editmyusercss",
 "editmyuserjson","editmyuserjs","editmyuserjsredirect","purge","sendemail","applychangetags","changetags",
 "editcontentmodel"]},
{"name":"autoconfirmed","rights":["autoconfirmed","editsemiprotected"]},
{"name":"bot","rights":["bot","autoconfirmed","editsemiprotected","nominornewtalk","autopatrol","suppressredirect",
 "apihighlimits","writeapi"]},
{"name":"sysop","rights":["block","createaccount","delete","bigdelete","deletedhistory","deletedtext","undelete",
 "editinterface","editsitejson","edituserjson","import","importupload","move","move-subpages","move-rootuserpages",
 "move-categorypages","patrol","autopatrol","protect","editprotected","rollback","upload","reupload",
 "reupload-shared","unwatchedpages","autoconfirmed","editsemiprotected","ipblock-exempt","blockemail",
 "markbotedits","apihighlimits","browsearchive","noratelimit","movefile","unblockself","suppressredirect",
 "mergehistory","managechangetags","deletechangetags"]},
{"name":"interface-admin","rights":["editinterface","editsitecss","editsitejson","editsitejs","editusercss",
 "edituserjson","edituserjs"]},
{"name":"bureaucrat","rights":["userrights","noratelimit"]},
{"name":"suppress","rights":["hideuser","suppressrevision","viewsuppressed","suppressionlog","deleterevision",
 "deletelogentry"]}])";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class SiteInfoTest : public MockWikiTest {
 protected:
  SiteInfoTest() {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }
  explicit SiteInfoTest(MockWiki::Options options) : MockWikiTest(std::move(options)) {
    wiki.clock().freeze();
    wiki.clock().set(kNow);
  }

  Reply siteinfo(const std::string& siprop, bool fv2, Params extra = {}) {
    Params params = {{"action", "query"}, {"meta", "siteinfo"}};
    if (!siprop.empty()) params.emplace_back("siprop", siprop);
    params.insert(params.end(), extra.begin(), extra.end());
    params.emplace_back("format", "json");
    if (fv2) params.emplace_back("formatversion", "2");
    return client.get(params);
  }
  // The general block of raw/siteinfo.txt with this wiki's server, id and time.
  Json general(const char* text) const {
    std::string json = replace_all(text, "$SERVER", wiki.server_url());
    json = replace_all(json, "$WIKIID", wiki.wiki_id());
    json = replace_all(json, "$TIME", kNowIso);
    return Json::parse(json);
  }
};

TEST_F(SiteInfoTest, GeneralInFormatVersion1) {
  // raw/siteinfo.txt: false members vanish, except variantarticlepath (ApiQuerySiteinfo
  // marks it with META_BC_BOOLS); thumblimits and imagelimits are lists; magiclinks of three
  // falses becomes an empty list.
  Reply reply = siteinfo("general", false);
  EXPECT_EQ(reply.json, Json({{"batchcomplete", ""}, {"query", {{"general", general(kGeneralFv1)}}}}));
  EXPECT_EQ(reply.json["query"]["general"]["variantarticlepath"], false);
  EXPECT_EQ(reply.json["query"]["general"]["thumblimits"], Json({120, 150, 180, 200, 250, 300}));
  EXPECT_EQ(reply.json["query"]["general"]["magiclinks"], Json::array());
}

TEST_F(SiteInfoTest, GeneralInFormatVersion2) {
  // raw/siteinfo.txt: every boolean explicit; thumblimits and imagelimits are objects keyed "0".."5".
  Reply reply = siteinfo("general", true);
  EXPECT_EQ(reply.json, Json({{"batchcomplete", true}, {"query", {{"general", general(kGeneralFv2)}}}}));
  EXPECT_EQ(reply.json["query"]["general"]["thumblimits"],
            Json({{"0", 120}, {"1", 150}, {"2", 180}, {"3", 200}, {"4", 250}, {"5", 300}}));
  EXPECT_EQ(reply.json["query"]["general"]["magiclinks"], Json({{"ISBN", false}, {"PMID", false}, {"RFC", false}}));
}

TEST_F(SiteInfoTest, WithoutSipropTheGeneralBlockComes) {
  // raw/siteinfo.txt ("no siprop (defaults to general)").
  EXPECT_EQ(siteinfo("", false).json, Json({{"batchcomplete", ""}, {"query", {{"general", general(kGeneralFv1)}}}}));
}

TEST_F(SiteInfoTest, GeneralDescribesTheMockItself) {
  // The generator is MediaWiki's; server, servername, wikiid and time are the mock's (NOTES §15.3).
  Json g = siteinfo("general", true).json["query"]["general"];
  EXPECT_EQ(g["generator"], "MediaWiki 1.39.17");
  EXPECT_EQ(g["server"], wiki.server_url());
  EXPECT_EQ(g["servername"], "127.0.0.1");
  EXPECT_EQ(g["wikiid"], "mockwiki");
  EXPECT_EQ(g["sitename"], "RefWiki");
  EXPECT_EQ(g["time"], kNowIso);
  EXPECT_EQ(g["base"], wiki.server_url() + "/index.php/Main_Page");
  wiki.clock().advance(std::chrono::hours(25));
  EXPECT_EQ(siteinfo("general", true).json["query"]["general"]["time"], "2026-11-26T01:00:09Z");
}

TEST_F(SiteInfoTest, NamespacesInFormatVersion1UseStarForTheName) {
  // Transcript siteinfo-namespaces-mwclient-fv1.
  EXPECT_EQ(siteinfo("namespaces", false).json,
            Json({{"batchcomplete", ""}, {"query", {{"namespaces", Json::parse(kNamespacesFv1)}}}}));
}

TEST_F(SiteInfoTest, NamespacesInFormatVersion2UseNameAndExplicitBooleans) {
  // Transcript siteinfo-namespaces-fv2 (NOTES §15.3 gives the fv1 shape; FINDINGS "meta=siteinfo").
  EXPECT_EQ(siteinfo("namespaces", true).json,
            Json({{"batchcomplete", true}, {"query", {{"namespaces", Json::parse(kNamespacesFv2)}}}}));
}

TEST_F(SiteInfoTest, NamespaceAliasesAreImageAndImageTalk) {
  // Transcript siteinfo-namespacealiases-interwikimap (ids checked on the reference wiki).
  EXPECT_EQ(siteinfo("namespacealiases", true).json["query"],
            Json({{"namespacealiases", {{{"id", 6}, {"alias", "Image"}}, {{"id", 7}, {"alias", "Image talk"}}}}}));
  EXPECT_EQ(siteinfo("namespacealiases", false).json["query"],
            Json({{"namespacealiases", {{{"id", 6}, {"*", "Image"}}, {{"id", 7}, {"*", "Image talk"}}}}}));
}

TEST_F(SiteInfoTest, InterwikiMapIsTheFreshInstallTable) {
  // Transcript siteinfo-namespacealiases-interwikimap; in fv1 protorel false vanishes.
  const Json map = Json::parse(kInterwikiMapFv2);
  ASSERT_EQ(map.size(), 66u);
  Reply fv2 = siteinfo("namespacealiases|interwikimap", true);
  EXPECT_EQ(fv2.json["query"]["interwikimap"], map);
  EXPECT_EQ(fv2.json["query"].size(), 2u);
  Json fv1_map = map;
  for (auto& entry : fv1_map) entry.erase("protorel");
  EXPECT_EQ(siteinfo("interwikimap", false).json["query"]["interwikimap"], fv1_map);
}

TEST_F(SiteInfoTest, UserGroupsListEachGroupsRightsInConfigurationOrder) {
  // Transcript siteinfo-usergroups.
  EXPECT_EQ(siteinfo("usergroups", true).json,
            Json({{"batchcomplete", true}, {"query", {{"usergroups", Json::parse(kUserGroups)}}}}));
  EXPECT_EQ(siteinfo("usergroups", false).json,
            Json({{"batchcomplete", ""}, {"query", {{"usergroups", Json::parse(kUserGroups)}}}}));
}

TEST_F(SiteInfoTest, BogusSipropIsAWarningAndNoQueryMember) {
  // Transcript siteinfo-bogus-siprop; fv1 checked on the reference wiki.
  Reply fv2 = siteinfo("bogus", true);
  EXPECT_EQ(fv2.json,
            Json({{"batchcomplete", true},
                  {"warnings", {{"siteinfo", {{"warnings", "Unrecognized value for parameter \"siprop\": bogus"}}}}}}));
  EXPECT_FALSE(fv2.api_error());
  Reply fv1 = siteinfo("bogus", false);
  EXPECT_EQ(fv1.json,
            Json({{"batchcomplete", ""},
                  {"warnings", {{"siteinfo", {{"*", "Unrecognized value for parameter \"siprop\": bogus"}}}}}}));
}

TEST_F(SiteInfoTest, SiteinfoOnlyQueriesVaryOnTreatAsUntrustedAndCookie) {
  // raw/siteinfo.txt: siteinfo is cacheable publicly (ApiQuery::mergeCacheMode), so
  // ApiMain sends the Vary header of anonymous-cacheable output; a private module drops it
  // (raw/headers.txt: plain userinfo has no Vary; checked on the reference wiki for siteinfo|userinfo).
  Reply alone = siteinfo("general|namespaces", false);
  EXPECT_EQ(alone.header("Vary"), "Accept-Encoding, Treat-as-Untrusted, Cookie");
  EXPECT_EQ(alone.headers.count("Vary"), 1u);
  Reply bogus = siteinfo("bogus", false);
  EXPECT_EQ(bogus.header("Vary"), "Accept-Encoding, Treat-as-Untrusted, Cookie");
  Reply with_userinfo = client.get({{"action", "query"}, {"meta", "siteinfo|userinfo"}, {"format", "json"}});
  EXPECT_FALSE(with_userinfo.has_header("Vary"));
  Reply userinfo = client.get({{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}});
  EXPECT_FALSE(userinfo.has_header("Vary"));
}

TEST_F(SiteInfoTest, SiteinfoInJsonfmSendsOneVaryHeader) {
  // Reference wiki: action=query&meta=siteinfo&format=jsonfm answers a single
  // "Vary: Accept-Encoding, Treat-as-Untrusted, Cookie" (the API's Vary replaces OutputPage's).
  Reply reply = client.get({{"action", "query"}, {"meta", "siteinfo"}, {"format", "jsonfm"}});
  EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=UTF-8");
  EXPECT_EQ(reply.headers.count("Vary"), 1u);
  EXPECT_EQ(reply.header("Vary"), "Accept-Encoding, Treat-as-Untrusted, Cookie");
}

TEST_F(SiteInfoTest, AnswersWhatMwclientAsksWhenItConnects) {
  // NOTES §15.3 (mwclient 0.10.1): siprop=general|namespaces with continue= and maxlag=3, both
  // understood (no warning, no maxlag error); mwclient reads generator, and each namespace's id and "*".
  Reply reply = siteinfo("general|namespaces", false, {{"continue", ""}, {"maxlag", "3"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.api_error());
  EXPECT_EQ(reply.json,
            Json({{"batchcomplete", ""},
                  {"query", {{"general", general(kGeneralFv1)}, {"namespaces", Json::parse(kNamespacesFv1)}}}}));
  EXPECT_EQ(reply.json["query"]["general"]["generator"].get<std::string>().rfind("MediaWiki 1.", 0), 0u);
  EXPECT_EQ(reply.json["query"]["namespaces"]["4"]["*"], "RefWiki");
  EXPECT_EQ(reply.header("Content-Type"), "application/json; charset=utf-8");
  // The same again after a login (mwclient asks once more).
  ASSERT_EQ(client.login(accounts::kRoboBot, accounts::kRoboBotPass).json["login"]["result"], "Success");
  Reply again = siteinfo("general|namespaces", false, {{"continue", ""}, {"maxlag", "3"}});
  EXPECT_EQ(again.json, reply.json);
}

class SiteInfoOtherSiteTest : public SiteInfoTest {
 protected:
  static MockWiki::Options options() {
    MockWiki::Options o;
    o.wiki_id = "otherwiki";
    o.sitename = "OtherWiki";
    return o;
  }
  SiteInfoOtherSiteTest() : SiteInfoTest(options()) {}
};

TEST_F(SiteInfoOtherSiteTest, SiteNameAndWikiIdComeFromTheMocksOptions) {
  // $wgSitename names the Project namespaces; $wgDBname is the wikiid.
  Reply reply = siteinfo("general|namespaces", true);
  EXPECT_EQ(reply.json["query"]["general"]["sitename"], "OtherWiki");
  EXPECT_EQ(reply.json["query"]["general"]["wikiid"], "otherwiki");
  EXPECT_EQ(reply.json["query"]["namespaces"]["4"]["name"], "OtherWiki");
  EXPECT_EQ(reply.json["query"]["namespaces"]["5"]["name"], "OtherWiki talk");
  EXPECT_EQ(reply.json["query"]["namespaces"]["5"]["canonical"], "Project talk");
}

}  // namespace
}  // namespace mockwiki::testing
