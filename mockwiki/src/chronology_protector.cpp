#include "chronology_protector.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string_view>

namespace mockwiki {
namespace {

constexpr std::int64_t kPositionStoreTtl = 60;
// MWLBFactory passes $wgSecretKey; the mock's is fixed, so a client id is stable across runs.
constexpr std::string_view kSecret = "mockwiki-chronology-protector";

std::string client_id(const std::string& ip, const std::string& user_agent) {
  const std::string data = ip + "\n" + user_agent;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_md5(), kSecret.data(), static_cast<int>(kSecret.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
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
