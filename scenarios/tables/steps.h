// Steps that many scenarios share, so that the tables say only what is particular to them.
#pragma once

#include "scenarios/scenario.h"

namespace scenarios::steps {

// meta=tokens&type=login, its token captured as `var`.
inline Step login_token(const char* var = "T") {
  return {.name = "login token",
          .params = {{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}},
          .capture = {{var, "/query/tokens/logintoken"}}};
}

// action=login (formatversion 1) with the login token {T} from login_token(), or `token`.
inline Step login(const char* user, const char* password, Expect expect, const char* token = "{T}") {
  return {.name = std::string("login as ") + user,
          .method = "POST",
          .params =
              {{"action", "login"}, {"lgname", user}, {"lgpassword", password}, {"lgtoken", token}, {"format", "json"}},
          .expect = std::move(expect)};
}

// action=login that succeeds, after login_token().
inline Step login_success(const char* user, const char* password, const char* name) {
  return login(user, password,
               {.json = {{"/login/result", R"("Success")"}, {"/login/lgusername", std::string("\"") + name + "\""}}});
}

// action=clientlogin (formatversion 1) with a user name and password and the login token {T},
// returning to http://example.org/; `more` parameters are added.
inline Step clientlogin(const char* user, const char* password, Expect expect,
                        std::vector<std::pair<std::string, std::string>> more = {}) {
  Step step = {.name = std::string("clientlogin as ") + user,
               .method = "POST",
               .params = {{"action", "clientlogin"},
                          {"username", user},
                          {"password", password},
                          {"loginreturnurl", "http://example.org/"},
                          {"logintoken", "{T}"},
                          {"format", "json"}},
               .expect = std::move(expect)};
  step.params.insert(step.params.end(), more.begin(), more.end());
  return step;
}

// meta=userinfo (formatversion 2): who the session is.
inline Step whoami(const char* name) {
  return {.name = "userinfo",
          .params = {{"action", "query"}, {"meta", "userinfo"}, {"format", "json"}, {"formatversion", "2"}},
          .expect = {.json = {{"/query/userinfo/name", std::string("\"") + name + "\""}}}};
}

// The csrf token, captured as `var`.
inline Step csrf_token(const char* var = "CSRF") {
  return {.name = "csrf token",
          .params = {{"action", "query"}, {"meta", "tokens"}, {"format", "json"}},
          .capture = {{var, "/query/tokens/csrftoken"}}};
}

}  // namespace scenarios::steps
