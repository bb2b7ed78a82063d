#include "src/play_support.h"

#include <algorithm>
#include <ctime>

namespace scenarios::support {

std::string substitute(const std::string& text, const std::map<std::string, std::string>& vars) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string::npos) {
        if (auto it = vars.find(text.substr(i + 1, close - i - 1)); it != vars.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += httplib::detail::encode_query_param(name) + "=" + httplib::detail::encode_query_param(value);
  }
  return out;
}

std::pair<std::string, std::string> split_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {"", url};
  const auto path_start = url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return {url, "/"};
  return {url.substr(0, path_start), url.substr(path_start)};
}

httplib::Result call_control_plane(httplib::Client& http, const std::string& method, const std::string& path,
                                   const std::string& body) {
  httplib::Request request;
  request.method = method;
  request.path = "/__mockwiki/" + path;
  request.headers = {{"User-Agent", "mockwiki-conform/0.1"}};
  if (!body.empty()) {
    request.body = body;
    request.set_header("Content-Type", "application/json");
  }
  return http.send(request);
}

bool not_the_mock(const httplib::Result& result) {
  return result && result->status == 404 && result->get_header_value("Content-Type").find("json") == std::string::npos;
}

std::string reset_mock(httplib::Client& http) {
  auto reset = call_control_plane(http, "POST", "reset", "");
  if (!reset) return "cannot reset the mock: no answer: " + httplib::to_string(reset.error());
  if (reset->status != 200) {
    return "cannot reset the mock (POST /__mockwiki/reset: HTTP " + std::to_string(reset->status) +
           "): not the mock, or its control plane is off";
  }
  // Clock moves of earlier scenarios undone: the clock ticks from this machine's time again.
  auto clock = call_control_plane(http, "POST", "clock",
                                  R"({"resume": true, "set": )" + std::to_string(std::time(nullptr)) + "}");
  if (!clock || clock->status != 200) return "cannot set the mock's clock (POST /__mockwiki/clock)";
  return "";
}

std::int64_t wiki_time(httplib::Client& http) {
  if (auto clock = call_control_plane(http, "GET", "clock", ""); clock && clock->status == 200) {
    const Json body = Json::parse(clock->body, nullptr, false);
    if (body.is_object() && body.contains("now") && body["now"].is_number_integer()) {
      return body["now"].get<std::int64_t>();
    }
  }
  return std::time(nullptr);
}

namespace {
std::map<std::pair<std::string, std::string>, std::int64_t>& totp_windows() {
  static std::map<std::pair<std::string, std::string>, std::int64_t> last;
  return last;
}
}  // namespace

std::int64_t& last_totp_window(const std::string& origin, const std::string& secret) {
  return totp_windows().try_emplace({origin, secret}, 0).first->second;
}

void forget_totp_windows(const std::string& origin) {
  std::erase_if(totp_windows(), [&](const auto& entry) { return entry.first.first == origin; });
}

int drop_cookies(mediawiki::CookieJar& jar, const std::string& suffix) {
  int dropped = 0;
  for (const auto& c : std::vector<mediawiki::Cookie>(jar.cookies())) {
    if (c.name.size() >= suffix.size() && c.name.compare(c.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      jar.remove(c.name);
      ++dropped;
    }
  }
  return dropped;
}

void check_json(const Json& body, const std::string& raw, const std::vector<Check>& checks,
                const std::map<std::string, std::string>& vars, const std::function<void(const std::string&)>& fail) {
  for (const auto& check : checks) {
    const Json::json_pointer pointer(check.pointer);
    const bool present = !body.is_discarded() && body.contains(pointer);
    if (check.equals == "<absent>") {
      if (present) fail(check.pointer + " is " + body.at(pointer).dump() + ", expected nothing");
      continue;
    }
    if (!present) {
      // At most 300 bytes of the answer, not cutting a UTF-8 character in two.
      std::size_t end = std::min<std::size_t>(raw.size(), 300);
      while (end < raw.size() && end > 0 && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) --end;
      fail(check.pointer + " is missing in " + raw.substr(0, end));
      continue;
    }
    if (check.equals == "<present>") continue;
    const Json want = Json::parse(substitute(check.equals, vars), nullptr, false);
    if (want.is_discarded()) {
      fail(check.pointer + ": the expectation is not JSON: " + check.equals);
    } else if (body.at(pointer) != want) {
      fail(check.pointer + " is " + body.at(pointer).dump() + ", expected " + want.dump());
    }
  }
}

}  // namespace scenarios::support
