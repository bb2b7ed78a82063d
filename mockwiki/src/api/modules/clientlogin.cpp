// action=clientlogin (core:includes/api/ApiClientLogin.php): AuthManager's login, one step per
// request. Authentication problems are never API errors: they are status FAIL in the result.
#include "api/modules/auth_manager_helper.h"
#include "api/modules/registry.h"
#include "auth/auth_manager.h"
#include "util/text.h"

namespace mockwiki::api::modules {
namespace {

// $wgUrlProtocols: what wfParseUrl accepts as a URL.
constexpr std::string_view kUrlProtocols[] = {
    "bitcoin:", "ftp://",  "ftps://",  "geo:",      "git://",  "gopher://",    "http://",
    "https://", "irc://",  "ircs://",  "magnet:",   "mailto:", "matrix:",      "mms://",
    "news:",    "nntp://", "redis://", "sftp://",   "sip:",    "sips:",        "sms:",
    "ssh://",   "svn://",  "tel:",     "telnet://", "urn:",    "worldwind://", "xmpp:"};

// wfParseUrl() succeeds and finds a scheme (a protocol-relative "//host" has none).
bool is_absolute_url(const std::string& url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = url[i];
    const bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
                    (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  const std::string scheme = util::lower_ascii(url.substr(0, colon));
  for (std::string_view protocol : kUrlProtocols) {
    if (protocol == scheme + "://" || protocol == scheme + ":") return true;
  }
  return false;
}

class ClientLogin : public ApiModule {
 public:
  ClientLogin() : ApiModule("clientlogin", "login", "clientlogin") {}

  void read_params(ParamReader& p) override {
    requests_ = p.strings_if_present("requests");
    message_format_ =
        *parse_message_format(*p.choice("messageformat", {"html", "wikitext", "raw", "none"}, "wikitext"));
    merge_fields_ = p.flag("mergerequestfields");
    preserve_state_ = p.flag("preservestate");
    return_url_ = p.string("returnurl");
    continue_ = p.flag("continue");
    read_token(p);
  }
  std::optional<std::string_view> needs_token() const override { return "login"; }
  bool is_read_mode() const override { return false; }
  bool is_write_mode() const override { return true; }  // T283394

  void execute(ApiContext& ctx) override {
    if (!continue_ && !return_url_) {
      // ApiBase::requireAtLeastOneParameter
      std::vector<MessageParam> names = {MessageParam::plain("<var>" + encode("continue") + "</var>"),
                                         MessageParam::plain("<var>" + encode("returnurl") + "</var>")};
      die(Message("apierror-missingparam-at-least-one-of",
                  {MessageParam::list(std::move(names), "text"), MessageParam::plain(std::int64_t{2})})
              .with_code("missingparam"));
    }
    if (return_url_ && !is_absolute_url(*return_url_)) {
      die(Message("apierror-badurl",
                  {MessageParam::plain(encode("returnurl")), MessageParam::plain(util::escape_wikitext(*return_url_))})
              .with_code("badurl_" + encode("returnurl")));
    }

    AuthManagerHelper helper(ctx, *this, message_format_, merge_fields_);
    auth::AuthManager manager(ctx.wiki, ctx.session(), ctx.ip, ctx.now);
    if (!manager.can_authenticate_now()) {
      // The message key userlogin-cannot-login does not exist, so MediaWiki shows it as ⧼...⧽.
      ctx.result.set("clientlogin",
                     helper.format_response(auth::AuthenticationResponse::fail(Message("userlogin-cannot-login"))));
      return;
    }
    auth::AuthenticationResponse response;
    if (continue_) {
      auto requests = helper.load_requests(manager, auth::AuthAction::LoginContinue, requests_);
      response = manager.continue_authentication(std::move(requests));
    } else {
      auto requests = helper.load_requests(manager, auth::AuthAction::Login, requests_);
      if (preserve_state_) {
        // The CreateFromLoginAuthenticationRequest a FAIL or RESTART left, if any.
        if (const auto& preserved = ctx.session().auth_data().preserved_create_request) requests.push_back(*preserved);
      }
      response = manager.begin_authentication(std::move(requests), *return_url_);
    }
    // The preserved-state request makes a RESTART treated as UI work, but would only confuse a client.
    std::erase_if(response.needed_requests,
                  [](const auth::AuthRequest& r) { return r.id == auth::kCreateFromLoginRequestId; });
    if (response.status == auth::AuthenticationResponse::Status::Pass) ctx.user_changed();
    ctx.result.set("clientlogin", helper.format_response(response));
  }

 private:
  std::optional<std::vector<std::string>> requests_;
  MessageFormat message_format_ = MessageFormat::Wikitext;
  bool merge_fields_ = false;
  bool preserve_state_ = false;
  std::optional<std::string> return_url_;
  bool continue_ = false;
};

}  // namespace

std::unique_ptr<ApiModule> make_clientlogin() { return std::make_unique<ClientLogin>(); }

}  // namespace mockwiki::api::modules
