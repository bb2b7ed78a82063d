// ApiMain (core:includes/api/ApiMain.php): one api.php request from start to end, with the
// checks in MediaWiki's order:
//
//   1. CORS (origin=), OPTIONS, the session from the cookies
//   2. requestid/servedby/curtimestamp, then the main parameters (action, format, maxlag,
//      assert, assertuser, ..., errorformat): an unknown action is badvalue
//   3. assert / assertuser                              -> assert*failed
//   4. the module's parameters, then its token:         -> missingparam, badvalue, ...,
//      not in the query string, and valid                  mustpostparams, badtoken
//   5. read/write permission, read-only                 -> readapidenied, writeapidenied, readonly
//   6. maxlag                                           -> maxlag (+ Retry-After, X-Database-Lag)
//   7. the HTTP method, POST                            -> invalidmethod (405), mustbeposted
//   8. the module runs; unused parameters are warned about
//   9. the printer: errorformat, formatversion, the MediaWiki-API-Error header, cookies
//
// An injected fault (mockwiki/control.h) is taken once the session is loaded, and shows where
// MediaWiki would raise that error: badtoken at 4, readonly at 5, maxlag at 6, ratelimited and
// internal errors at 8; the transport's faults (HTTP errors, resets, delays, truncation) are
// left to the caller.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/http.h"
#include "mockwiki/control.h"
#include "wiki.h"

namespace mockwiki::api {

// What the transport and the journal learn about a request besides its answer.
struct RequestSummary {
  std::string action;
  std::string user;     // empty: anonymous
  std::string session;  // the id of the session the answer belongs to, if it has one
  std::string result;   // login's result, clientlogin's or createaccount's status
  // The parameters, secrets redacted (control/journal.h).
  std::vector<std::pair<std::string, std::string>> params;
  std::optional<FaultSpec> fault;
};

class ApiMain {
 public:
  explicit ApiMain(Wiki& wiki) : wiki_(wiki) {}

  // `summary`, if given, is filled in. For a "reset" fault the answer is empty and the caller
  // must drop the connection; for "delay" and "truncated" the caller delays or cuts the answer.
  http::Response handle(const http::Request& request, RequestSummary* summary = nullptr);

 private:
  Wiki& wiki_;
};

}  // namespace mockwiki::api
