// mockwiki/flow.h: a scripted login flow for one account, to test a client's handling of
// clientlogin's UI, REDIRECT, PASS, FAIL and RESTART answers without writing a provider.
//
// The flow starts when the account's password is right; each continue step moves to the next
// step. For the in-process mock:
//
//   wiki.set_flow("Alice", {
//       mockwiki::FlowStep::ui("Enter the code we sent you.", {{.name = "emailcode", .label = "Code"}})
//           .expecting({{"emailcode", "123456"}}),
//       mockwiki::FlowStep::redirect(),                  // to the mock's own page, then back
//       mockwiki::FlowStep::pass()});
//
// and in a fixture, under the account:
//
//   "flow": [
//     {"ui": {"message": "Enter the code we sent you.",
//             "fields": {"emailcode": {"label": "Code"}}, "expect": {"emailcode": "123456"}}},
//     {"redirect": {}},
//     {"pass": {}}
//   ]
//
// This is the mock's own provider (ids and texts below are its own, not MediaWiki's); the
// shapes of the answers are AuthManager's, as any provider's would be.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mockwiki {

// One field of a UI step's request, as clientlogin describes it.
struct FlowField {
  std::string name;
  std::string type = "string";       // string, password, checkbox, hidden, null
  std::string label;                 // shown as the field's label (plain text)
  std::string help;                  // and its help
  std::optional<std::string> value;  // sent to the client (hidden and null fields)
  bool optional = false;
  // Must be POSTed. In a fixture, password fields are sensitive unless they say otherwise; from
  // C++, set it yourself.
  bool sensitive = false;
};

struct FlowStep {
  enum class Kind { Ui, Redirect, Pass, Fail, Restart };
  Kind kind = Kind::Pass;

  // UI, FAIL: the message text (empty: a default) and its messagecode (empty: made from the
  // text, as MediaWiki does for a RawMessage). RESTART's message is AuthManager's own
  // (authmanager-authn-no-local-user), as on MediaWiki, whatever is set here.
  std::string message;
  std::string message_code;

  // UI: the request's id and fields; the values a continue must send (others: the same UI
  // again with `mismatch_message`, or FAIL with it if `fail_on_mismatch`).
  std::string request_id = "MockWiki\\ScriptedAuthenticationRequest";
  std::vector<FlowField> fields;
  std::map<std::string, std::string> expect;
  std::string mismatch_message = "The value you entered is not correct.";
  bool fail_on_mismatch = false;

  // REDIRECT: where to send the client (empty: the mock's own page, which records the visit
  // and redirects to loginreturnurl with `return_params` added; continuing without visiting it
  // is FAIL). The continue step must then send `return_params` back as fields.
  std::string target;
  std::map<std::string, std::string> return_params;
  std::optional<std::string> redirect_data;  // JSON text for "redirectdata", if any

  // RESTART: whether an account created with createpreservestate may be made from it
  // (canpreservestate).
  bool can_preserve_state = true;

  static FlowStep ui(std::string message, std::vector<FlowField> fields);
  static FlowStep redirect(std::string target = {});
  static FlowStep pass();
  static FlowStep fail(std::string message);
  static FlowStep restart(std::string message = {});
  FlowStep& expecting(std::map<std::string, std::string> values) {
    expect = std::move(values);
    return *this;
  }
};

// Why the steps cannot make a flow (empty if they can): a step after PASS, FAIL or RESTART, no
// final one, a UI step without fields, an expected value for a field that does not exist, ...
std::string flow_error(const std::vector<FlowStep>& steps);

}  // namespace mockwiki
