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
#pragma once

#include "http/http.h"
#include "wiki.h"

namespace mockwiki::api {

class ApiMain {
 public:
  explicit ApiMain(Wiki& wiki) : wiki_(wiki) {}

  http::Response handle(const http::Request& request);

 private:
  Wiki& wiki_;
};

}  // namespace mockwiki::api
