#include "mediawiki/session.h"

#include <httplib.h>

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <thread>

#include "url.h"

namespace mediawiki {
namespace {

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool has_param(const Params& params, const std::string& name) {
  return std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.first == name; });
}

std::string value_of(const Params& params, const std::string& name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

std::string form_encode(const Params& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += httplib::detail::encode_query_param(name) + "=" + httplib::detail::encode_query_param(value);
  }
  return out;
}

// The API's error in any errorformat: {"error": {...}} (bc) or {"errors": [{...}]}.
void throw_if_api_error(const Json& reply) {
  if (auto error = reply.find("error"); error != reply.end() && error->is_object()) {
    throw ApiError(error->value("code", ""), error->value("info", ""), *error);
  }
  if (auto errors = reply.find("errors"); errors != reply.end() && errors->is_array() && !errors->empty()) {
    const Json& first = (*errors)[0];
    std::string text = first.value("text", first.value("html", ""));
    if (text.empty() && first.contains("key")) text = first.value("key", "");
    throw ApiError(first.value("code", ""), text, first);
  }
}

}  // namespace

struct Session::Transport {
  Transport(const std::string& origin, const Options& options) : client(origin) {
    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to keep-alive requests.
    client.set_tcp_nodelay(true);
    client.set_keep_alive(true);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(options.timeout);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(options.timeout - seconds);
    client.set_connection_timeout(seconds.count(), micros.count());
    client.set_read_timeout(seconds.count(), micros.count());
    client.set_write_timeout(seconds.count(), micros.count());
  }
  httplib::Client client;
};

struct Session::Shared {
  std::mutex state;    // cookies, tokens, the login
  std::mutex relogin;  // one re-login at a time
  // While one thread logs in again, the others' requests wait (they would go out with the dead
  // session's cookies, or none).
  std::condition_variable relogged;
  bool relogging = false;
  std::thread::id relogger;
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Transport>> idle;  // connections no request is using
};

Session::Session(std::string api_url) : Session(std::move(api_url), Options{}) {}

Session::Session(std::string api_url, Options options)
    : api_url_(std::move(api_url)), options_(std::move(options)), shared_(std::make_unique<Shared>()) {
  const auto url = detail::split_url(api_url_);
  if (!url) throw Error("not an api.php URL: \"" + api_url_ + "\" (no scheme)");
  origin_ = url->origin;
  path_ = url->target;
  auto first = std::make_unique<Transport>(origin_, options_);
  if (!first->client.is_valid()) throw Error("cannot use the URL \"" + api_url_ + "\"");
  shared_->idle.push_back(std::move(first));
}

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

std::optional<std::string> Session::user() const {
  std::lock_guard lock(shared_->state);
  return user_;
}

Json Session::get(const Params& params) { return request("GET", params); }
Json Session::post(const Params& params) { return request("POST", params); }

void Session::pause(std::chrono::milliseconds delay) {
  if (options_.wait) {
    options_.wait(delay);
  } else {
    std::this_thread::sleep_for(delay);
  }
}

void Session::relogin_once(std::uint64_t seen_generation) {
  // Threads that find the session dead at once queue here; the first logs in again, the others
  // see that a login happened since their request and only retry.
  std::lock_guard relogin_lock(shared_->relogin);
  std::function<void(Session&)> relogin;
  {
    std::lock_guard lock(shared_->state);
    if (login_generation_ != seen_generation || !relogin_) return;
    relogin = relogin_;
    shared_->relogging = true;
    shared_->relogger = std::this_thread::get_id();
    ++login_generation_;  // answers to requests sent before now speak of the dead session
  }
  struct Done {
    Shared& shared;
    ~Done() {
      {
        std::lock_guard lock(shared.state);
        shared.relogging = false;
      }
      shared.relogged.notify_all();
    }
  } done{*shared_};
  relogin(*this);
}

Json Session::request(const std::string& method, Params params) {
  if (!has_param(params, "format")) params.emplace_back("format", "json");
  if (!has_param(params, "formatversion")) params.emplace_back("formatversion", "2");
  const std::string action = value_of(params, "action");
  const bool logging_in_or_out = action == "login" || action == "clientlogin" || action == "logout";
  if (!logging_in_or_out && options_.maxlag && !has_param(params, "maxlag")) {
    params.emplace_back("maxlag", std::to_string(*options_.maxlag));
  }
  const bool may_assert = !logging_in_or_out && !has_param(params, "assert");
  bool logged_in_again = false;
  for (int attempt = 0;; ++attempt) {
    std::string assert_value;
    std::uint64_t generation = 0;
    bool can_relogin = false;
    {
      std::unique_lock lock(shared_->state);
      shared_->relogged.wait(lock,
                             [this] { return !shared_->relogging || shared_->relogger == std::this_thread::get_id(); });
      if (may_assert) assert_value = assert_;
      generation = login_generation_;
      can_relogin = static_cast<bool>(relogin_);
    }
    Params sent = params;
    if (!assert_value.empty()) sent.emplace_back("assert", assert_value);
    const auto backoff = options_.retry_delay * (1 << std::min(attempt, 16));
    std::optional<int> retry_after;
    try {
      return send(method, sent, generation, retry_after);
    } catch (const ApiError& e) {
      const bool session_died = e.code() == "assertuserfailed" || e.code() == "assertbotfailed";
      if (session_died && !assert_value.empty() && can_relogin && !logged_in_again) {
        // The session died on the wiki: log in again (once, whichever thread noticed), repeat.
        logged_in_again = true;
        relogin_once(generation);
        --attempt;
        continue;
      }
      const bool busy = e.code() == "maxlag" || e.code() == "ratelimited" || e.code() == "readonly";
      if (!busy || attempt >= options_.max_retries) throw;
      pause(e.code() == "maxlag" && retry_after ? std::chrono::seconds(*retry_after) : backoff);
    } catch (const TransportError& e) {
      const bool transient = e.status() == 0 || e.status() >= 500;
      if (!transient || attempt >= options_.max_retries) throw;
      pause(backoff);
    }
  }
}

Json Session::send(const std::string& method, const Params& params, std::uint64_t generation,
                   std::optional<int>& retry_after) {
  // A connection of the pool (a new one if all are in use), given back whatever happens.
  std::unique_ptr<Transport> transport;
  {
    std::lock_guard lock(shared_->pool_mutex);
    if (!shared_->idle.empty()) {
      transport = std::move(shared_->idle.back());
      shared_->idle.pop_back();
    }
  }
  if (!transport) transport = std::make_unique<Transport>(origin_, options_);
  struct GiveBack {
    Shared& shared;
    std::unique_ptr<Transport>& transport;
    ~GiveBack() {
      std::lock_guard lock(shared.pool_mutex);
      shared.idle.push_back(std::move(transport));
    }
  } give_back{*shared_, transport};

  httplib::Headers headers = {{"User-Agent", options_.user_agent}};
  {
    std::lock_guard lock(shared_->state);
    const std::string cookie = cookies_.header_for(path_, now());
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
  }
  httplib::Result result =
      method == "POST"
          ? transport->client.Post(path_.c_str(), headers, form_encode(params), "application/x-www-form-urlencoded")
          : transport->client.Get((path_ + "?" + form_encode(params)).c_str(), headers);
  if (!result) {
    throw TransportError("no answer from " + api_url_ + ": " + httplib::to_string(result.error()), 0);
  }
  const httplib::Response& response = *result;
  if (response.has_header("Retry-After")) {
    try {
      retry_after = std::stoi(response.get_header_value("Retry-After"));
    } catch (const std::exception&) {
      // an HTTP date, or garbage: the backoff serves
    }
  }
  {
    // An answer to a request sent before a login since (another thread's) speaks of the old
    // session: its cookies (a dead session's deletion) must not undo the new login's.
    std::lock_guard lock(shared_->state);
    if (login_generation_ == generation) {
      const std::int64_t received = now();
      for (auto [it, end] = response.headers.equal_range("Set-Cookie"); it != end; ++it) {
        cookies_.store(it->second, received);
      }
    }
  }
  Json reply = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (reply.is_discarded() || !reply.is_object()) {
    if (response.status >= 400) {
      throw TransportError("HTTP " + std::to_string(response.status) + " from " + api_url_, response.status);
    }
    throw ProtocolError("the answer from " + api_url_ + " is not JSON", response.body);
  }
  throw_if_api_error(reply);
  if (response.status >= 400) {
    throw TransportError("HTTP " + std::to_string(response.status) + " from " + api_url_, response.status);
  }
  return reply;
}

std::string Session::token(const std::string& type) {
  {
    std::lock_guard lock(shared_->state);
    if (auto it = tokens_.find(type); it != tokens_.end()) return it->second;
  }
  const Json reply = get({{"action", "query"}, {"meta", "tokens"}, {"type", type}});
  const Json* value = nullptr;
  if (auto query = reply.find("query"); query != reply.end()) {
    if (auto tokens = query->find("tokens"); tokens != query->end()) {
      if (auto it = tokens->find(type + "token"); it != tokens->end() && it->is_string()) value = &*it;
    }
  }
  if (!value) throw ProtocolError("the wiki gave no " + type + " token", reply.dump());
  std::lock_guard lock(shared_->state);
  return tokens_[type] = value->get<std::string>();
}

void Session::forget_tokens() {
  std::lock_guard lock(shared_->state);
  tokens_.clear();
}

Json Session::post_with_token(Params params, const std::string& type, const std::string& name) {
  params.emplace_back(name, token(type));
  try {
    return post(params);
  } catch (const ApiError& e) {
    if (e.code() != "badtoken") throw;
    // The token went stale (a new session on the wiki): fetch it again, retry once.
    {
      std::lock_guard lock(shared_->state);
      tokens_.erase(type);
    }
    params.back().second = token(type);
    return post(params);
  }
}

void Session::login(const std::string& user, const std::string& password) {
  // A new login starts a new session: MediaWiki refuses a login inside a bot-password session
  // (Aborted), and the old session's cookies would only confuse the new one. Until it succeeds,
  // no asserts (the login token's request would fail, and call for another login).
  if (this->user()) forget_login();
  {
    std::lock_guard lock(shared_->state);
    assert_.clear();
    tokens_.erase("login");
  }
  const std::string login_token = token("login");
  const Json reply = post({{"action", "login"}, {"lgname", user}, {"lgpassword", password}, {"lgtoken", login_token}});
  const Json& login = reply.at("login");
  const std::string result = login.value("result", "");
  if (result != "Success") {
    std::string reason;
    if (auto r = login.find("reason"); r != login.end()) reason = r->is_string() ? r->get<std::string>() : r->dump();
    throw LoginError(result, reason);
  }
  set_logged_in(login.value("lgusername", user), [user, password](Session& session) { session.login(user, password); });
}

Session::Page Session::visit(const std::string& url) {
  const auto split = detail::split_url(url);
  if (!split) throw Error("not a URL: \"" + url + "\"");
  Transport transport(split->origin, options_);  // the page may be on another host than api.php
  httplib::Headers headers = {{"User-Agent", options_.user_agent}};
  const std::string path = split->target.substr(0, split->target.find('?'));
  {
    std::lock_guard lock(shared_->state);
    const std::string cookie = cookies_.header_for(path, now());
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
  }
  httplib::Result result = transport.client.Get(split->target.c_str(), headers);
  if (!result) throw TransportError("no answer from " + url + ": " + httplib::to_string(result.error()), 0);
  std::lock_guard lock(shared_->state);
  const std::int64_t received = now();
  for (auto [it, end] = result->headers.equal_range("Set-Cookie"); it != end; ++it) {
    cookies_.store(it->second, received);
  }
  return Page{result->status, result->get_header_value("Location"), result->body};
}

void Session::set_logged_in(const std::string& user, std::function<void(Session&)> relogin) {
  std::lock_guard lock(shared_->state);
  user_ = user;
  assert_ = options_.assert_bot ? "bot" : "user";
  relogin_ = std::move(relogin);
  tokens_.clear();
  ++login_generation_;
}

void Session::logout() {
  post_with_token({{"action", "logout"}});
  forget_login();
}

void Session::forget_login() {
  std::lock_guard lock(shared_->state);
  tokens_.clear();
  cookies_.clear();
  user_.reset();
  assert_.clear();
  relogin_ = nullptr;
  ++login_generation_;
}

}  // namespace mediawiki
