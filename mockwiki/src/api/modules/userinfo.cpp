// meta=userinfo (core:includes/api/ApiQueryUserInfo.php): who the request is, with the props
// asked for. Groups and rights come in MediaWiki's order (auth/permissions.cpp); a bot-password
// session's rights are those its grants allow.
#include <algorithm>

#include "api/modules/registry.h"
#include "auth/permissions.h"
#include "util/text.h"

namespace mockwiki::api::modules {
namespace {

const std::vector<std::string_view> kProps = {"blockinfo",
                                              "hasmsg",
                                              "groups",
                                              "groupmemberships",
                                              "implicitgroups",
                                              "rights",
                                              "changeablegroups",
                                              "options",
                                              "editcount",
                                              "ratelimits",
                                              "theoreticalratelimits",
                                              "email",
                                              "realname",
                                              "acceptlang",
                                              "registrationdate",
                                              "unreadcount",
                                              "centralids",
                                              "latestcontrib"};

// $wgRateLimits defaults: action -> (category -> [hits, seconds]), in MainConfigSchema's order.
struct Limit {
  std::string_view category;
  int hits;
  int seconds;
};
struct ActionLimits {
  std::string_view action;
  std::vector<Limit> limits;
};
const std::vector<ActionLimits>& rate_limits() {
  static const std::vector<ActionLimits> kLimits = {
      {"edit", {{"ip", 8, 60}, {"newbie", 8, 60}, {"user", 90, 60}}},
      {"move", {{"newbie", 2, 120}, {"user", 8, 60}}},
      {"upload", {{"ip", 8, 60}, {"newbie", 8, 60}}},
      {"rollback", {{"user", 10, 60}, {"newbie", 5, 120}}},
      {"mailpassword", {{"ip", 5, 3600}}},
      {"emailuser", {{"ip", 5, 86400}, {"newbie", 5, 86400}, {"user", 20, 86400}}},
      {"changeemail", {{"ip-all", 10, 3600}, {"user", 4, 86400}}},
      {"confirmemail", {{"ip-all", 10, 3600}, {"user", 4, 86400}}},
      {"purge", {{"ip", 30, 60}, {"user", 30, 60}}},
      {"linkpurge", {{"ip", 30, 60}, {"user", 30, 60}}},
      {"renderfile", {{"ip", 700, 30}, {"user", 700, 30}}},
      {"renderfile-nonstandard", {{"ip", 70, 30}, {"user", 70, 30}}},
      {"stashedit", {{"ip", 30, 60}, {"newbie", 30, 60}}},
      {"stashbasehtml", {{"ip", 5, 60}, {"newbie", 5, 60}}},
      {"changetag", {{"ip", 8, 60}, {"newbie", 8, 60}}},
      {"editcontentmodel", {{"newbie", 2, 120}, {"user", 8, 60}}},
  };
  return kLimits;
}

// The default user options of a stock 1.39 wiki in English (UserOptionsLookup::getDefaultOptions).
Json default_options() {
  static const Json kOptions = Json::parse(R"({"ccmeonemails":0,"date":"default","diffonly":0,"disablemail":0,
    "editfont":"monospace","editondblclick":0,"editsectiononrightclick":0,"email-allow-new-users":1,
    "enotifminoredits":0,"enotifrevealaddr":0,"enotifusertalkpages":1,"enotifwatchlistpages":1,"extendwatchlist":1,
    "fancysig":0,"forceeditsummary":0,"gender":"unknown","hideminor":0,"hidepatrolled":0,"hidecategorization":1,
    "imagesize":2,"minordefault":0,"newpageshidepatrolled":0,"nickname":"","pst-cssjs":1,"norollbackdiff":0,
    "previewonfirst":0,"previewontop":1,"rcdays":7,"rcenhancedfilters-disable":0,"rclimit":50,
    "search-match-redirect":true,"search-special-page":"Search","searchlimit":20,"showhiddencats":0,
    "shownumberswatching":1,"showrollbackconfirmation":0,"skin":"vector","thumbsize":5,"underline":2,
    "uselivepreview":0,"usenewrc":1,"watchcreations":1,"watchdefault":1,"watchdeletion":0,"watchuploads":1,
    "watchlistdays":7,"watchlisthideanons":0,"watchlisthidebots":0,"watchlisthideliu":0,"watchlisthideminor":0,
    "watchlisthideown":0,"watchlisthidepatrolled":0,"watchlisthidecategorization":1,
    "watchlistreloadautomatically":0,"watchlistunwatchlinks":0,"watchmoves":0,"watchrollback":0,
    "wlenhancedfilters-disable":0,"wllimit":250,"useeditwarning":1,"prefershttps":1,"requireemail":0,
    "skin-responsive":1,"timecorrection":"System|0","language":"en","variant":"en","variant-ban":"ban",
    "variant-en":"en","variant-crh":"crh","variant-gan":"gan","variant-iu":"iu","variant-kk":"kk","variant-ku":"ku",
    "variant-shi":"shi","variant-sr":"sr","variant-tg":"tg","variant-uz":"uz","variant-zh":"zh","searchNs0":1,
    "searchNs1":0,"searchNs2":0,"searchNs3":0,"searchNs4":0,"searchNs5":0,"searchNs6":0,"searchNs7":0,
    "searchNs8":0,"searchNs9":0,"searchNs10":0,"searchNs11":0,"searchNs12":0,"searchNs13":0,"searchNs14":0,
    "searchNs15":0})");
  return kOptions;
}

// Accept-Language, as WebRequest::getAcceptLang parses it: codes lower-cased, sorted by q.
Json accept_languages(std::string_view header) {
  std::vector<std::pair<std::string, double>> langs;
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string part(header.substr(start, end - start));
    start = end + 1;
    double q = 1;
    if (auto semi = part.find(';'); semi != std::string::npos) {
      if (auto qpos = part.find("q=", semi); qpos != std::string::npos) {
        try {
          q = std::stod(part.substr(qpos + 2));
        } catch (...) {
          q = 0;
        }
      }
      part.resize(semi);
    }
    part.erase(0, part.find_first_not_of(" \t"));
    part.erase(part.find_last_not_of(" \t") + 1);
    if (part.empty() || q <= 0) continue;
    langs.emplace_back(util::lower_ascii(part), q);
  }
  std::stable_sort(langs.begin(), langs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  Json out = Json::array();
  for (const auto& [code, q] : langs) {
    Json entry = Json::object();
    if (q == static_cast<int>(q))
      entry["q"] = static_cast<int>(q);
    else
      entry["q"] = q;
    entry["code"] = code;
    entry[kContentKey] = "code";
    out.push_back(std::move(entry));
  }
  return out;
}

class UserInfo : public ApiModule {
 public:
  UserInfo() : ApiModule("userinfo", "ui", "query+userinfo") {}

  void read_params(ParamReader& p) override {
    for (const auto& prop : p.choices("prop", kProps, {}, true)) props_.push_back(prop);
    attached_wiki_ = p.string("attachedwiki");
  }

  void execute(ApiContext& ctx) override {
    AccountPtr account = ctx.user();
    Json info = Json::object();
    info["id"] = account ? account->id : 0;
    info["name"] = ctx.user_name();
    if (!account) info["anon"] = true;
    // blockinfo (ApiBlockInfoTrait::getBlockDetails): a block set through the control plane is
    // sitewide, by "MediaWiki default" (user 2), without expiry, and blocks account creation as
    // Special:Block does by default.
    if (has("blockinfo") && account && account->block_id != 0) {
      info["blockid"] = account->block_id;
      info["blockedby"] = "MediaWiki default";
      info["blockedbyid"] = 2;
      info["blockreason"] = account->block_reason;
      info["blockedtimestamp"] = util::iso8601(account->block_timestamp);
      info["blockexpiry"] = "infinite";
      info["blockpartial"] = false;
      info["blocknocreate"] = true;
      info["blockanononly"] = false;
      info["blockedtimestampformatted"] = util::user_time_and_date(account->block_timestamp);
    }
    if (has("hasmsg")) info["messages"] = false;
    if (has("groups")) info["groups"] = ctx.user_groups();
    if (has("groupmemberships")) {
      Json memberships = Json::array();
      if (account) {
        auto groups = account->groups;
        std::sort(groups.begin(), groups.end());
        for (const auto& group : groups) memberships.push_back(Json{{"group", group}, {"expiry", "infinity"}});
      }
      info["groupmemberships"] = std::move(memberships);
    }
    if (has("implicitgroups")) info["implicitgroups"] = auth::implicit_groups(account != nullptr);
    if (has("rights")) info["rights"] = ctx.user_rights();
    if (has("changeablegroups")) {
      // $wgAddGroups and friends are empty; the userrights right changes every group.
      const Json groups = ctx.user_can("userrights") ? Json(auth::explicit_groups()) : Json::array();
      info["changeablegroups"] =
          Json{{"add", groups}, {"remove", groups}, {"add-self", Json::array()}, {"remove-self", Json::array()}};
    }
    if (has("options")) {
      Json options = default_options();
      Json bools = Json::array();
      for (const auto& [key, value] : options.items()) bools.push_back(key);
      options[kBcBoolsKey] = std::move(bools);
      info["options"] = std::move(options);
    }
    if (has("editcount")) info["editcount"] = 0;
    if (has("ratelimits")) info["ratelimits"] = limits(ctx, true);
    if (has("theoreticalratelimits")) info["theoreticalratelimits"] = limits(ctx, false);
    if (has("realname")) info["realname"] = account ? account->realname : std::string();
    if (has("email") && ctx.user_can("viewmyprivateinfo")) {
      info["email"] = account ? account->email : std::string();
      if (account && account->email_authenticated) {
        info["emailauthenticated"] = util::iso8601(account->email_authenticated);
      }
    }
    if (has("registrationdate") && account) info["registrationdate"] = util::iso8601(account->registration);
    if (has("acceptlang")) info["acceptlang"] = accept_languages(ctx.http.header("Accept-Language").value_or(""));
    if (has("unreadcount")) info["unreadcount"] = 0;
    if (has("centralids")) {
      // ApiQueryUserInfo::getCentralUserInfo with the "local" CentralIdLookup.
      info["centralids"] = Json{{"local", account ? account->id : 0}};
      info["attachedlocal"] = Json{{"local", account != nullptr}};
      if (attached_wiki_)
        info["attachedwiki"] = Json{{"local", account != nullptr && *attached_wiki_ == ctx.wiki.config().wiki_id}};
    }
    // latestcontrib: nobody has edited the mock wiki, so it is left out.
    ctx.result.object("query")["userinfo"] = std::move(info);
  }

 private:
  bool has(std::string_view prop) const { return std::find(props_.begin(), props_.end(), prop) != props_.end(); }

  // ApiQueryUserInfo::getRateLimits: the categories the user falls in, each with its limits.
  Json limits(ApiContext& ctx, bool apply_noratelimit) const {
    Json out = Json::object();
    if (apply_noratelimit && ctx.user_can("noratelimit")) return out;
    AccountPtr account = ctx.user();
    std::vector<std::string> categories = {account ? "user" : "anon"};
    if (!ctx.user_can("autoconfirmed")) {  // User::isNewbie
      categories.push_back("ip");
      categories.push_back("subnet");
      if (account) categories.push_back("newbie");
    }
    if (account) categories.insert(categories.end(), account->groups.begin(), account->groups.end());
    for (const auto& action : rate_limits()) {
      for (const auto& category : categories) {
        for (const auto& limit : action.limits) {
          if (limit.category == category) {
            out[std::string(action.action)][category] = Json{{"hits", limit.hits}, {"seconds", limit.seconds}};
          }
        }
      }
    }
    return out;
  }

  std::vector<std::string> props_;
  std::optional<std::string> attached_wiki_;
};

}  // namespace

std::unique_ptr<ApiModule> make_userinfo() { return std::make_unique<UserInfo>(); }

}  // namespace mockwiki::api::modules
