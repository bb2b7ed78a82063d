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

// action=login that succeeds, after login_token().
inline Step login_success(const char* user, const char* password, const char* name) {
  return {
      .name = "login",
      .method = "POST",
      .params =
          {{"action", "login"}, {"lgname", user}, {"lgpassword", password}, {"lgtoken", "{T}"}, {"format", "json"}},
      .expect = {.json = {{"/login/result", R"("Success")"}, {"/login/lgusername", std::string("\"") + name + "\""}}}};
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
