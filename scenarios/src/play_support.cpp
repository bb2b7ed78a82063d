#include "src/play_support.h"

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
      fail(check.pointer + " is missing in " + raw.substr(0, 300));
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
