// Splitting the URLs the client meets (api.php, the pages a REDIRECT login visits) into what
// cpp-httplib wants: the origin for the client, the target for the request.
#pragma once

#include <optional>
#include <string>

namespace mediawiki::detail {

struct SplitUrl {
  std::string origin;  // "https://example.org:8443"
  std::string target;  // "/w/api.php?a=b" ("/" when the URL has no path)
};

// Nothing when the URL has no scheme.
inline std::optional<SplitUrl> split_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  const auto path_start = url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return SplitUrl{url, "/"};
  return SplitUrl{url.substr(0, path_start), url.substr(path_start)};
}

}  // namespace mediawiki::detail
