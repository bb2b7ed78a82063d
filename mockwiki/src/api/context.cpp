#include "api/context.h"

#include <algorithm>

#include "auth/permissions.h"
#include "auth/user_name.h"
#include "util/random.h"

namespace mockwiki::api {
namespace {

ErrorFormat error_format_of(const http::RequestParams& params) {
  // ApiMain reads errorformat raw, before validation: anything unknown means bc.
  if (const std::string* raw = params.raw_value("errorformat")) {
    if (auto format = parse_error_format(*raw)) return *format;
  }
  return ErrorFormat::Bc;
}

}  // namespace

ApiContext::ApiContext(Wiki& wiki_, const http::Request& request)
    : wiki(wiki_),
      http(request),
      now(wiki_.now()),
      ip(auth::sanitize_ip(request.remote_addr)),
      request_id(util::request_id()),
      params(http::RequestParams::from(request)),
      cookies_in(http::RequestCookies::parse(request.header("Cookie").value_or(""))),
      cookies_out(cookies_in, now),
      formatter(result, error_format_of(params)),
      used_params_(params.names().size(), false) {}

void ApiContext::mark_used(std::string_view name) {
  // Only names the request sent matter (reportUnusedParams), and there are few of them.
  const auto& names = params.names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) used_params_[i] = true;
  }
}

const std::string* ApiContext::param(std::string_view name) {
  mark_used(name);
  const std::string* value = params.value(name);
  if (!value && params.is_array(name) && !array_warned_.contains(name)) {
    array_warned_.insert(std::string(name));
    add_warning("main", Message("apiwarn-unsupportedarray", {MessageParam::plain(std::string(name))}));
  }
  return value;
}

std::vector<std::pair<std::int64_t, std::string>> ApiContext::unused_params(
    const std::vector<std::string_view>& printer_params) const {
  std::vector<std::pair<std::int64_t, std::string>> unused;
  const auto& names = params.names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (used_params_[i]) continue;
    if (std::find(printer_params.begin(), printer_params.end(), names[i]) != printer_params.end()) continue;
    unused.emplace_back(static_cast<std::int64_t>(i), names[i]);
  }
  return unused;
}

void ApiContext::add_deprecation(std::string_view module_path, Message message, std::string feature) {
  message.with_code("deprecation").with_data(Json{{"feature", std::move(feature)}});
  add_warning(module_path, message);
  add_warning("main", Message("api-usage-mailinglist-ref").with_code("deprecation-help"));
}

session::Session& ApiContext::adopt_session(std::unique_ptr<session::Session> session) {
  other_sessions_.push_back(std::move(session));
  return *other_sessions_.back();
}

void ApiContext::save_sessions() {
  auto& manager = wiki.session_manager();
  manager.save(*session_, true, cookies_out, now);
  for (auto& other : other_sessions_) manager.save(*other, false, cookies_out, now);
}

AccountPtr ApiContext::user() {
  if (!user_) {
    AccountPtr account;
    if (!lacks_same_origin_security && !session_->is_anonymous()) {
      account = wiki.accounts().by_id(session_->user_id());
    }
    user_ = account;
  }
  return *user_;
}

std::string ApiContext::user_name() {
  AccountPtr account = user();
  return account ? account->name : ip;
}

std::vector<std::string> ApiContext::user_groups() {
  AccountPtr account = user();
  return auth::effective_groups(account ? account->groups : std::vector<std::string>{}, account != nullptr);
}

const std::vector<std::string>& ApiContext::user_rights() {
  if (!rights_) {
    auto rights = auth::group_rights(user_groups(), wiki.rights_config());
    AccountPtr account = user();
    if (account && session_->provider() == session::Provider::BotPassword) {
      const BotPassword* bp = account->bot_password(session_->record().bot_app_id);
      rights = auth::restrict_rights(
          rights, bp ? auth::grant_rights(bp->grants, wiki.rights_config()) : std::vector<std::string>{});
    }
    rights_ = std::move(rights);
  }
  return *rights_;
}

bool ApiContext::user_can(std::string_view right) {
  const auto& rights = user_rights();
  return std::find(rights.begin(), rights.end(), right) != rights.end();
}

void ApiContext::user_changed() {
  user_.reset();
  rights_.reset();
}

}  // namespace mockwiki::api
