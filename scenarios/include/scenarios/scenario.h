// scenarios/scenario.h: a conformance scenario as plain C++ data. A scenario is a named list of
// HTTP steps against api.php, each with what MediaWiki 1.39 answers; tables of them live in
// scenarios/tables/, one file per area. The runner (runner.h) plays them against any wiki.
//
//   {.name = "login/bot-password-success",
//    .tag = Tag::Core,
//    .source = "NOTES.md §3.4; ApiLogin.php",
//    .steps = {
//        {.name = "login token",
//         .params = {{"action", "query"}, {"meta", "tokens"}, {"type", "login"}, {"format", "json"}},
//         .capture = {{"T", "/query/tokens/logintoken"}}},
//        {.name = "login",
//         .method = "POST",
//         .params = {{"action", "login"}, {"lgname", "{ALICE_BOT}"}, {"lgpassword", "{ALICE_BOT_PASS}"},
//                    {"lgtoken", "{T}"}, {"format", "json"}},
//         .expect = {.json = {{"/login/result", R"("Success")"}}}}}}
//
// Values may name variables in braces: the accounts of the reference fixture ({ALICE},
// {ALICE_PASS}, {ALICE_BOT}, ...), values captured by earlier steps, {API}, and {TOTP} (a step's
// two-factor code, see Step::totp_secret).
//
// Most steps are api.php requests. A step may instead visit a page (Step::visit: a REDIRECT's
// target, followed through the wiki's redirects) or call the mock's control plane (Step::admin:
// faults, accounts, sessions, the clock); those are for mock-tagged scenarios.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scenarios {

// Where a scenario holds: on stock MediaWiki 1.39 (core), with OATHAuth (oath), or only on the
// mock (single sign-on, captcha, clock moves, faults).
enum class Tag { Core, Oath, Mock };
const char* tag_name(Tag tag);

// Where a step's parameters go: the query string, or (POST) the form body.
enum class Where { Query, Body };

// What happens to the cookie jar before a step.
enum class Cookies { Keep, DropAll, DropOne };

// A check on the JSON answer: the value at a JSON pointer. `equals` is JSON text ("\"Success\"",
// "true", "{...}"), or "<present>" / "<absent>".
struct Check {
  std::string pointer;
  std::string equals;
};

// A call to the mock's control plane, /__mockwiki/<path> beside api.php (mockwiki/control.h).
struct AdminCall {
  std::string method = "POST";
  std::string path;  // after /__mockwiki/, e.g. "faults"
  std::string body;  // JSON, variables substituted
};

struct Expect {
  int status = 200;
  // The MediaWiki-API-Error header: its value, or "" for none; unset: not checked.
  std::optional<std::string> api_error;
  std::vector<Check> json;
  std::vector<std::string> cookies_set;      // Set-Cookie names that must come, by suffix ("_session")
  std::vector<std::string> cookies_cleared;  // names that must be deleted
  // The Location header (a visit's last hop); unset: not checked. Variables are substituted.
  std::optional<std::string> location;
};

struct Step {
  std::string name;
  std::string method = "GET";
  std::vector<std::pair<std::string, std::string>> params;
  // Where the parameters go; by default the query string for GET and the body for POST.
  std::optional<Where> where;
  std::vector<std::pair<std::string, std::string>> query;  // more, always in the query string
  Cookies cookies = Cookies::Keep;
  std::string drop_cookie;  // for DropOne: the cookie whose name ends with this
  int advance_clock = 0;    // seconds to move the mock's clock first (mock-tagged scenarios)
  // Instead of api.php: GET this URL (variables substituted, `params` added to its query) with
  // the scenario's cookies, following redirects while they stay on the wiki's host (the mock's
  // identity provider is there too). `expect` is checked on the last answer.
  std::string visit;
  // Instead of api.php: this call to the mock's control plane; `expect` is checked on its answer.
  std::optional<AdminCall> admin;
  // A Base32 TOTP secret (or a variable naming one): {TOTP} is its code for the wiki's time (the
  // mock's clock, or this machine's). OATHAuth accepts each 30 s window only once, later than the
  // last one used, so while the answer is the UI step again with oathauth-login-failed the
  // runner resends the step with the codes of the next windows (up to 4, the window radius).
  std::string totp_secret;
  // variable -> where its value comes from: a JSON pointer into the answer; "<location>" (the
  // Location header); or "captcha:" + a JSON pointer to a SimpleCaptcha question ("39−2 ="),
  // which captures its answer.
  std::vector<std::pair<std::string, std::string>> capture;
  Expect expect;
};

struct Scenario {
  std::string name;  // area/what, e.g. "login/wrong-password"
  Tag tag = Tag::Core;
  std::string source;  // where the expectation comes from
  // The accounts and extensions the wiki needs: a fixture of mockwiki/fixtures/ by name. Empty:
  // "oath" for oath-tagged scenarios, "default" (the reference accounts) for the others.
  std::string fixture;
  std::vector<Step> steps;
};

// The fixture `scenario` needs (Scenario::fixture, with its default filled in).
std::string fixture_of(const Scenario& scenario);

// Every scenario of every table, in table order.
const std::vector<Scenario>& all_scenarios();

}  // namespace scenarios
