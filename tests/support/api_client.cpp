#include "support/api_client.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "util/text.h"

namespace mockwiki::testing {
namespace {

std::string cookie_name(const std::string& line) { return line.substr(0, line.find('=')); }

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

bool Reply::has_header(const std::string& name) const { return headers.find(name) != headers.end(); }

std::optional<std::string> Reply::api_error() const {
  if (!has_header("MediaWiki-API-Error")) return std::nullopt;
  return header("MediaWiki-API-Error");
}

std::optional<std::string> Reply::cookie_line(std::string_view suffix) const {
  std::optional<std::string> found;
  for (const auto& line : set_cookies) {
    if (ends_with(cookie_name(line), suffix)) found = line;
  }
  return found;
}

bool Reply::sets_cookie(std::string_view suffix) const {
  auto line = cookie_line(suffix);
  return line && line->find("=deleted;") == std::string::npos;
}

bool Reply::deletes_cookie(std::string_view suffix) const {
  auto line = cookie_line(suffix);
  return line && line->find("=deleted;") != std::string::npos;
}

ApiClient::ApiClient(const std::string& api_url) : http_(api_url.substr(0, api_url.find('/', 8))) {
  path_ = api_url.substr(api_url.find('/', 8));
  http_.set_tcp_nodelay(true);
  http_.set_keep_alive(true);
  http_.set_read_timeout(10);
}

std::string ApiClient::encode(const Params& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out.push_back('&');
    out += util::percent_encode(name) + "=" + util::percent_encode(value);
  }
  return out;
}

Reply ApiClient::get(const Params& params) { return send("GET", params, "", ""); }

Reply ApiClient::browse(const std::string& url) {
  // "http://host:port/path?query" -> "/path?query"; the host must be the mock's.
  const std::size_t path_start = url.find('/', url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
  httplib::Request req;
  req.method = "GET";
  req.path = path_start == std::string::npos ? "/" : url.substr(path_start);
  std::string cookie_header;
  for (const auto& [name, value] : jar_) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie_header.empty()) req.headers.emplace("Cookie", cookie_header);
  return finish(http_.send(req));
}

Reply ApiClient::post(const Params& body, const Params& query) {
  return send("POST", query, encode(body), "application/x-www-form-urlencoded");
}

Reply ApiClient::send(const std::string& method, const Params& query, const std::string& body,
                      const std::string& content_type, const httplib::Headers& headers) {
  httplib::Request req;
  req.method = method;
  req.path = path_ + (query.empty() ? "" : "?" + encode(query));
  req.headers = headers;
  std::string cookie_header;
  for (const auto& [name, value] : jar_) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie_header.empty()) req.headers.emplace("Cookie", cookie_header);
  if (!content_type.empty()) req.headers.emplace("Content-Type", content_type);
  req.body = body;
  if (method == "POST" || method == "PUT" || method == "PATCH") {
    req.headers.emplace("Content-Length", std::to_string(body.size()));
  }
  return finish(http_.send(req));
}

Reply ApiClient::finish(httplib::Result result) {
  if (!result) throw std::runtime_error("request failed: " + httplib::to_string(result.error()));
  Reply reply;
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  reply.json = Json::parse(reply.body, nullptr, false);
  if (reply.json.is_discarded()) reply.json = Json();
  for (const auto& [name, value] : result->headers) {
    if (name != "Set-Cookie") continue;
    reply.set_cookies.push_back(value);
    const std::string name_part = cookie_name(value);
    const std::string rest = value.substr(name_part.size() + 1);
    const std::string cookie_value = rest.substr(0, rest.find(';'));
    if (cookie_value == "deleted" || value.find("Max-Age=0") != std::string::npos) {
      jar_.erase(name_part);
    } else {
      jar_[name_part] = cookie_value;
    }
  }
  return reply;
}

std::optional<std::string> ApiClient::cookie(std::string_view suffix) const {
  for (const auto& [name, value] : jar_) {
    if (ends_with(name, suffix)) return value;
  }
  return std::nullopt;
}

void ApiClient::drop_cookies(std::string_view suffix) {
  for (auto it = jar_.begin(); it != jar_.end();) {
    it = ends_with(it->first, suffix) ? jar_.erase(it) : std::next(it);
  }
}

std::string ApiClient::login_token() {
  Reply reply = get({{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}});
  const Json token = reply.json["query"]["tokens"]["logintoken"];
  EXPECT_TRUE(token.is_string()) << reply.body;
  return token.is_string() ? token.get<std::string>() : std::string();
}

std::string ApiClient::csrf_token() {
  Reply reply = get({{"action", "query"}, {"meta", "tokens"}, {"format", "json"}});
  const Json token = reply.json["query"]["tokens"]["csrftoken"];
  EXPECT_TRUE(token.is_string()) << reply.body;
  return token.is_string() ? token.get<std::string>() : std::string();
}

Reply ApiClient::login(const std::string& name, const std::string& password, const Params& extra) {
  const std::string token = login_token();
  Params body = {
      {"action", "login"}, {"lgname", name}, {"lgpassword", password}, {"lgtoken", token}, {"format", "json"}};
  body.insert(body.end(), extra.begin(), extra.end());
  return post(body);
}

Reply ApiClient::client_login(const std::string& name, const std::string& password, const Params& extra) {
  const std::string token = login_token();
  Params body = {{"action", "clientlogin"},
                 {"username", name},
                 {"password", password},
                 {"logintoken", token},
                 {"loginreturnurl", "http://example.org/"},
                 {"format", "json"}};
  body.insert(body.end(), extra.begin(), extra.end());
  return post(body);
}

std::string docref(const std::string& api_url) {
  return "See " + api_url +
         " for API usage. Subscribe to the mediawiki-api-announce mailing list at "
         "&lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; for "
         "notice of API deprecations and breaking changes.";
}

}  // namespace mockwiki::testing
