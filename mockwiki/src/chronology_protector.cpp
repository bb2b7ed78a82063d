#include "chronology_protector.h"

#include <string_view>

#include "util/hmac.h"

namespace mockwiki {
namespace {

constexpr std::int64_t kPositionStoreTtl = 60;
// MWLBFactory passes $wgSecretKey; the mock's is fixed, so a client id is stable across runs.
constexpr std::string_view kSecret = "mockwiki-chronology-protector";

// ChronologyProtector's clientId: hash_hmac('md5', "<ip>\n<agent>", $secret).
std::string client_id(const std::string& ip, const std::string& user_agent) {
  return util::hmac_md5_hex(kSecret, ip + "\n" + user_agent);
}

}  // namespace

void set_chronology_protector_cookies(ObjectCache& cache, const std::string& ip, const std::string& user_agent,
                                      bool posted, std::int64_t now, http::ResponseCookies& cookies) {
  const std::string id = client_id(ip, user_agent);
  // persistSessionReplicationPositions stores the positions with the index anew at each write,
  // so the 60 s start again each time.
  const std::string key = "ChronologyProtector:" + id;
  const std::int64_t index = cache.get(key, now).value_or(0) + 1;
  cache.set(key, index, kPositionStoreTtl, now);
  const std::int64_t expires = now + kPositionCookieTtl;
  // LBFactory::makeCookieValueFromCPIndex; setcookie() percent-encodes the @ and #.
  cookies.set("cpPosIndex", std::to_string(index) + "@" + std::to_string(now) + "#" + id, expires);
  if (!posted) return;
  cookies.set("UseDC", "master", expires);
  cookies.set("UseCDNCache", "false", expires);
}

}  // namespace mockwiki
