// mockwiki/control.h: what a test can see and change in a running mock besides its clock:
// accounts, sessions, injected faults and the journal of requests. MockWiki (server.h) has a
// member for each, and the standalone server offers the same under /__mockwiki/ (README).
//
//   wiki.add_fault({.match = {.action = "query"}, .fault = "maxlag", .times = 2});
//   ... the client's next two queries with maxlag=5 are told the database lags 10 s ...
//   EXPECT_THAT(wiki.journal(), Contains(Field(&JournalEntry::error, "maxlag")));
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mockwiki/fixture.h"

namespace mockwiki {

// An account as the control plane lists it.
struct AccountInfo {
  int id = 0;
  std::string name;
  std::vector<std::string> groups;         // explicit groups
  std::vector<std::string> bot_passwords;  // their app ids
  bool two_factor = false;                 // has an OATH secret
  bool blocked = false;
  std::string block_reason;
  bool locked = false;
};

// A change to an account: each field that is set replaces the account's.
struct AccountChange {
  std::optional<std::string> password;
  std::optional<std::vector<std::string>> groups;
  std::optional<std::vector<BotPasswordSpec>> bot_passwords;  // replaces all of them
  std::optional<std::string> oath_secret;                     // Base32; "" turns two-factor off
  // A sitewide block by the "MediaWiki default" user, without expiry: the account can still log
  // in (as on a stock wiki), and meta=userinfo&uiprop=blockinfo shows the block.
  std::optional<bool> blocked;
  std::optional<std::string> block_reason;
  // A locked account (CentralAuth's global lock): its logins fail and its sessions end.
  std::optional<bool> locked;
};

// A live session.
struct SessionInfo {
  std::string id;
  std::string user;          // empty: anonymous
  std::string bot_app_id;    // a bot-password session's app id
  std::int64_t expires = 0;  // Unix time, on the mock's clock
  bool remember = false;     // "Keep me logged in"
};

// Which requests a fault is for. Every criterion that is set must hold.
struct FaultMatch {
  std::string action;                         // the action parameter ("query", "login", ...)
  std::string module;                         // the action, or a meta/list/prop module of action=query ("tokens")
  std::string method;                         // "GET", "POST"
  std::string account;                        // the user the request's session belongs to (any spelling)
  std::map<std::string, std::string> params;  // parameters with these values
};

// A fault to answer with instead of the normal answer, for the next `times` requests that
// match and get to where MediaWiki raises that error (so a maxlag fault counts only requests
// that send a maxlag lower than `lag`; readonly only write modules, login among them; badtoken
// only modules that take a token; and none counts a request that failed earlier). Faults on
// the connection (http_NNN, delay, reset, truncated) and assertuserfailed act before the API
// runs, so they answer before the others whatever their order.
//
//   maxlag                    the maxlag error, Retry-After and X-Database-Lag (NOTES.md §8)
//   ratelimited               the ratelimited error (HTTP 200)
//   readonly                  the readonly error with readonlyreason `reason`
//   badtoken                  the badtoken error, whatever the token
//   assertuserfailed          the session is dropped, as when a session dies: a request with
//                             assert=user then fails with assertuserfailed, others run anonymous
//   internal_api_error_CLASS  an uncaught exception of class CLASS with `message`
//   http_500, http_502, ...   that HTTP status with an HTML page, as from a failing proxy
//   delay                     the normal answer, after `delay_ms`
//   reset                     the connection is closed with no answer (the request is not run)
//   truncated                 the normal answer, cut off halfway through its body
struct FaultSpec {
  FaultMatch match;
  std::string fault;
  int times = 1;                                                      // 0 or less: until cleared
  int lag = 10;                                                       // maxlag: seconds of lag
  std::string reason = "This wiki is in read-only mode for a test.";  // readonly
  int delay_ms = 1000;                                                // delay
  std::string message = "Injected by mockwiki";                       // internal_api_error_*
};

// One request, as the journal keeps it.
struct JournalEntry {
  std::int64_t seq = 0;   // 1, 2, ... in arrival order
  std::int64_t time = 0;  // Unix time on the mock's clock
  std::string method;
  std::string path;
  std::string action;
  // Body parameters, then query-string ones (PHP's $_POST + $_GET); passwords, tokens and
  // secrets are "[redacted]".
  std::vector<std::pair<std::string, std::string>> params;
  std::string session;  // the session id the answer belongs to (empty: none)
  std::string user;     // the user the request ran as (empty: anonymous)
  int status = 0;       // HTTP status
  std::string result;   // login's result, clientlogin's or createaccount's status
  std::string error;    // the error code (the MediaWiki-API-Error header)
  std::string fault;    // the injected fault, if one answered
  double latency_ms = 0;

  // The value of a parameter, or nullptr.
  const std::string* param(const std::string& name) const;
  // As GET /__mockwiki/journal shows it: one JSON object, on one line.
  std::string to_json() const;
};

}  // namespace mockwiki
