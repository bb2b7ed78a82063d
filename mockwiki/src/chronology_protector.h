// ChronologyProtector's cookies (core:includes/libs/rdbms/ChronologyProtector.php, set by
// MediaWiki::preOutputCommit): a request that wrote to the database tells the client, for ten
// seconds, to stick to the primary data center and to bypass the CDN. Clients see them after
// an account is created (action=createaccount, or auto-creation at a single-sign-on login), and
// a cookie jar that checks what the wiki sets has to expect them.
#pragma once

#include <cstdint>
#include <string>

#include "http/cookies.h"
#include "object_cache.h"

namespace mockwiki {

// Seconds the cookies live (ChronologyProtector::POSITION_COOKIE_TTL, and the default
// $wgDataCenterUpdateStickTTL).
inline constexpr std::int64_t kPositionCookieTtl = 10;

// Sets cpPosIndex=<write index>@<now>#<client id>, and for a POST UseDC=master and
// UseCDNCache=false. The write index counts the client's writes in the last 60 s
// (POSITION_STORE_TTL); the client id is an HMAC-MD5 of its IP address and user agent.
void set_chronology_protector_cookies(ObjectCache& cache, const std::string& ip, const std::string& user_agent,
                                      bool posted, std::int64_t now, http::ResponseCookies& cookies);

}  // namespace mockwiki
