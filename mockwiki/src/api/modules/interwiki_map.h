// The interwiki table a fresh MediaWiki install fills from maintenance/interwiki.list, as
// meta=siteinfo&siprop=interwikimap lists it (by prefix).
#pragma once

#include <string_view>

namespace mockwiki::api::modules {

struct InterwikiEntry {
  std::string_view prefix;
  std::string_view url;
  bool local;
  std::string_view api;
};

inline constexpr InterwikiEntry kInterwikiMap[] = {
    {"acronym", "https://www.acronymfinder.com/~/search/af.aspx?string=exact&Acronym=$1", false, ""},
    {"advogato", "http://www.advogato.org/$1", false, ""},
    {"arxiv", "https://www.arxiv.org/abs/$1", false, ""},
    {"c2find", "http://c2.com/cgi/wiki?FindPage&value=$1", false, ""},
    {"cache", "https://www.google.com/search?q=cache:$1", false, ""},
    {"commons", "https://commons.wikimedia.org/wiki/$1", false, "https://commons.wikimedia.org/w/api.php"},
    {"dictionary", "http://www.dict.org/bin/Dict?Database=*&Form=Dict1&Strategy=*&Query=$1", false, ""},
    {"doi", "https://dx.doi.org/$1", false, ""},
    {"drumcorpswiki", "http://www.drumcorpswiki.com/$1", false, "http://drumcorpswiki.com/api.php"},
    {"dwjwiki", "http://www.suberic.net/cgi-bin/dwj/wiki.cgi?$1", false, ""},
    {"elibre", "http://enciclopedia.us.es/index.php/$1", false, "http://enciclopedia.us.es/api.php"},
    {"emacswiki", "https://www.emacswiki.org/emacs/$1", false, ""},
    {"foldoc", "https://foldoc.org/?$1", false, ""},
    {"foxwiki", "https://fox.wikis.com/wc.dll?Wiki~$1", false, ""},
    {"freebsdman", "https://www.FreeBSD.org/cgi/man.cgi?apropos=1&query=$1", false, ""},
    {"gentoo-wiki", "http://gentoo-wiki.com/$1", false, ""},
    {"google", "https://www.google.com/search?q=$1", false, ""},
    {"googlegroups", "https://groups.google.com/groups?q=$1", false, ""},
    {"hammondwiki", "http://www.dairiki.org/HammondWiki/$1", false, ""},
    {"hrwiki", "http://www.hrwiki.org/wiki/$1", false, "http://www.hrwiki.org/w/api.php"},
    {"imdb", "http://www.imdb.com/find?q=$1&tt=on", false, ""},
    {"kmwiki", "https://kmwiki.wikispaces.com/$1", false, ""},
    {"linuxwiki", "http://linuxwiki.de/$1", false, ""},
    {"lojban", "https://mw.lojban.org/papri/$1", false, ""},
    {"lqwiki", "http://wiki.linuxquestions.org/wiki/$1", false, ""},
    {"meatball", "http://meatballwiki.org/wiki/$1", false, ""},
    {"mediawikiwiki", "https://www.mediawiki.org/wiki/$1", false, "https://www.mediawiki.org/w/api.php"},
    {"memoryalpha", "http://en.memory-alpha.org/wiki/$1", false, "http://en.memory-alpha.org/api.php"},
    {"metawiki", "http://sunir.org/apps/meta.pl?$1", false, ""},
    {"metawikimedia", "https://meta.wikimedia.org/wiki/$1", false, "https://meta.wikimedia.org/w/api.php"},
    {"mozillawiki", "https://wiki.mozilla.org/$1", false, "https://wiki.mozilla.org/api.php"},
    {"mw", "https://www.mediawiki.org/wiki/$1", false, "https://www.mediawiki.org/w/api.php"},
    {"oeis", "https://oeis.org/$1", false, ""},
    {"openwiki", "http://openwiki.com/ow.asp?$1", false, ""},
    {"pmid", "https://www.ncbi.nlm.nih.gov/pubmed/$1?dopt=Abstract", false, ""},
    {"pythoninfo", "https://wiki.python.org/moin/$1", false, ""},
    {"rfc", "https://tools.ietf.org/html/rfc$1", false, ""},
    {"s23wiki", "http://s23.org/wiki/$1", false, "http://s23.org/w/api.php"},
    {"seattlewireless", "http://seattlewireless.net/$1", false, ""},
    {"senseislibrary", "https://senseis.xmp.net/?$1", false, ""},
    {"shoutwiki", "http://www.shoutwiki.com/wiki/$1", false, "http://www.shoutwiki.com/w/api.php"},
    {"squeak", "http://wiki.squeak.org/squeak/$1", false, ""},
    {"theopedia", "https://www.theopedia.com/$1", false, ""},
    {"tmbw", "http://www.tmbw.net/wiki/$1", false, "http://tmbw.net/wiki/api.php"},
    {"tmnet", "http://www.technomanifestos.net/?$1", false, ""},
    {"twiki", "http://twiki.org/cgi-bin/view/$1", false, ""},
    {"uncyclopedia", "https://en.uncyclopedia.co/wiki/$1", false, "https://en.uncyclopedia.co/w/api.php"},
    {"unreal", "https://wiki.beyondunreal.com/$1", false, "https://wiki.beyondunreal.com/w/api.php"},
    {"usemod", "http://www.usemod.com/cgi-bin/wiki.pl?$1", false, ""},
    {"wiki", "http://c2.com/cgi/wiki?$1", false, ""},
    {"wikia", "http://www.wikia.com/wiki/$1", false, ""},
    {"wikibooks", "https://en.wikibooks.org/wiki/$1", false, "https://en.wikibooks.org/w/api.php"},
    {"wikidata", "https://www.wikidata.org/wiki/$1", false, "https://www.wikidata.org/w/api.php"},
    {"wikif1", "http://www.wikif1.org/$1", false, ""},
    {"wikihow", "https://www.wikihow.com/$1", false, "https://www.wikihow.com/api.php"},
    {"wikimedia", "https://foundation.wikimedia.org/wiki/$1", false, "https://foundation.wikimedia.org/w/api.php"},
    {"wikinews", "https://en.wikinews.org/wiki/$1", false, "https://en.wikinews.org/w/api.php"},
    {"wikinfo", "http://wikinfo.co/English/index.php/$1", false, ""},
    {"wikipedia", "https://en.wikipedia.org/wiki/$1", false, "https://en.wikipedia.org/w/api.php"},
    {"wikiquote", "https://en.wikiquote.org/wiki/$1", false, "https://en.wikiquote.org/w/api.php"},
    {"wikisource", "https://wikisource.org/wiki/$1", false, "https://wikisource.org/w/api.php"},
    {"wikispecies", "https://species.wikimedia.org/wiki/$1", false, "https://species.wikimedia.org/w/api.php"},
    {"wikiversity", "https://en.wikiversity.org/wiki/$1", false, "https://en.wikiversity.org/w/api.php"},
    {"wikivoyage", "https://en.wikivoyage.org/wiki/$1", false, "https://en.wikivoyage.org/w/api.php"},
    {"wikt", "https://en.wiktionary.org/wiki/$1", false, "https://en.wiktionary.org/w/api.php"},
    {"wiktionary", "https://en.wiktionary.org/wiki/$1", false, "https://en.wiktionary.org/w/api.php"},
};

}  // namespace mockwiki::api::modules
