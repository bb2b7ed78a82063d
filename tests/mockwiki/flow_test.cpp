// Scripted login flows as data (mockwiki/include/mockwiki/flow.h): FlowStep's constructors and
// defaults, flow_error's checks, and a fixture's per-account "flow" key (mockwiki/src/fixture.cpp,
// README.md "Login flows"): every step kind and key read into FlowSteps, and an error naming
// the bad key, type or value and where it is for anything else.
#include "mockwiki/flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mockwiki/fixture.h"

// FlowFields are written as flow.h shows them, {.name = ..., .label = ...}; GCC 12 warns of the
// members left out under -Wextra even though they have default member initializers.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace mockwiki {
namespace {

using Kind = FlowStep::Kind;

// The FixtureError's message for an account with the given "flow" value, or "<no error>".
std::string flow_fixture_error(std::string_view flow) {
  try {
    Fixture::parse(R"({"accounts": [{"name": "Carol", "password": "CarolPassw0rd!23", "flow": )" + std::string(flow) +
                   "}]}");
  } catch (const FixtureError& e) {
    return e.what();
  }
  return "<no error>";
}

// The steps of an account with the given "flow" value.
std::vector<FlowStep> parse_flow(std::string_view flow) {
  const Fixture fixture = Fixture::parse(R"({"accounts": [{"name": "Carol", "password": "CarolPassw0rd!23", "flow": )" +
                                         std::string(flow) + "}]}");
  return fixture.accounts.at(0).flow;
}

// ---- FlowStep -----------------------------------------------------------------------------

TEST(FlowStepTest, UiHasItsMessageFieldsAndTheDefaultsAndExpectingSetsTheValues) {
  const FlowStep step = FlowStep::ui("Enter the code.", {{.name = "code", .label = "Code"}});
  EXPECT_EQ(step.kind, Kind::Ui);
  EXPECT_EQ(step.message, "Enter the code.");
  EXPECT_EQ(step.message_code, "");
  ASSERT_EQ(step.fields.size(), 1u);
  EXPECT_EQ(step.fields[0].name, "code");
  EXPECT_EQ(step.fields[0].type, "string");
  EXPECT_EQ(step.fields[0].label, "Code");
  EXPECT_EQ(step.fields[0].help, "");
  EXPECT_EQ(step.fields[0].value, std::nullopt);
  EXPECT_FALSE(step.fields[0].optional);
  EXPECT_FALSE(step.fields[0].sensitive);
  EXPECT_EQ(step.request_id, "MockWiki\\ScriptedAuthenticationRequest");
  EXPECT_TRUE(step.expect.empty());
  EXPECT_EQ(step.mismatch_message, "The value you entered is not correct.");
  EXPECT_FALSE(step.fail_on_mismatch);

  // expecting() sets the values, replaces earlier ones and chains.
  FlowStep two = FlowStep::ui("", {{.name = "a"}, {.name = "b"}});
  FlowStep& same = two.expecting({{"a", "1"}, {"b", "2"}});
  EXPECT_EQ(&same, &two);
  EXPECT_EQ(two.expect, (std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}}));
  two.expecting({{"a", "3"}});
  EXPECT_EQ(two.expect, (std::map<std::string, std::string>{{"a", "3"}}));
}

TEST(FlowStepTest, RedirectPassFailAndRestart) {
  const FlowStep own = FlowStep::redirect();
  EXPECT_EQ(own.kind, Kind::Redirect);
  EXPECT_EQ(own.target, "");
  EXPECT_TRUE(own.return_params.empty());
  EXPECT_EQ(own.redirect_data, std::nullopt);
  const FlowStep away = FlowStep::redirect("https://idp.example.org/");
  EXPECT_EQ(away.kind, Kind::Redirect);
  EXPECT_EQ(away.target, "https://idp.example.org/");

  EXPECT_EQ(FlowStep::pass().kind, Kind::Pass);
  EXPECT_EQ(FlowStep{}.kind, Kind::Pass);
  const FlowStep fail = FlowStep::fail("No.");
  EXPECT_EQ(fail.kind, Kind::Fail);
  EXPECT_EQ(fail.message, "No.");
  EXPECT_EQ(fail.message_code, "");
  const FlowStep restart = FlowStep::restart();
  EXPECT_EQ(restart.kind, Kind::Restart);
  EXPECT_EQ(restart.message, "");
  EXPECT_TRUE(restart.can_preserve_state);
  EXPECT_EQ(FlowStep::restart("Link it.").message, "Link it.");
}

// ---- flow_error ---------------------------------------------------------------------------

TEST(FlowErrorTest, AFlowEndsWithExactlyOnePassFailOrRestart) {
  EXPECT_EQ(flow_error({}), "a flow needs at least one step");
  EXPECT_EQ(flow_error({FlowStep::pass()}), "");
  EXPECT_EQ(flow_error({FlowStep::fail("")}), "");
  EXPECT_EQ(flow_error({FlowStep::restart()}), "");
  EXPECT_EQ(flow_error({FlowStep::ui("", {{.name = "x"}}), FlowStep::redirect(), FlowStep::pass()}), "");
  EXPECT_EQ(flow_error({FlowStep::pass(), FlowStep::fail("")}),
            "step 1: pass, fail and restart end a flow; no step may follow");
  EXPECT_EQ(flow_error({FlowStep::redirect(), FlowStep::restart(), FlowStep::pass()}),
            "step 2: pass, fail and restart end a flow; no step may follow");
  EXPECT_EQ(flow_error({FlowStep::redirect()}), "step 1: the last step must be pass, fail or restart");
  EXPECT_EQ(flow_error({FlowStep::pass(), FlowStep::ui("", {{.name = "x"}})}),
            "step 1: pass, fail and restart end a flow; no step may follow");
}

TEST(FlowErrorTest, UiAndRedirectStepsAreChecked) {
  const auto with = [](FlowStep ui) { return flow_error({std::move(ui), FlowStep::pass()}); };
  EXPECT_EQ(with(FlowStep::ui("", {})), "step 1: a ui step needs at least one field");
  FlowStep no_id = FlowStep::ui("", {{.name = "x"}});
  no_id.request_id = "";
  EXPECT_EQ(with(no_id), "step 1: the request id must not be empty");
  EXPECT_EQ(with(FlowStep::ui("", {{.name = ""}})), "step 1: a field needs a name");
  EXPECT_EQ(with(FlowStep::ui("", {{.name = "x"}, {.name = "x", .type = "password"}})),
            "step 1: duplicate field \"x\"");
  EXPECT_EQ(with(FlowStep::ui("", {{.name = "x", .type = "select"}})),
            "step 1: field \"x\" has unknown type \"select\" (string, password, checkbox, hidden, null)");
  for (const char* type : {"string", "password", "checkbox", "hidden", "null"}) {
    EXPECT_EQ(with(FlowStep::ui("", {{.name = "x", .type = type}})), "") << type;
  }
  EXPECT_EQ(with(FlowStep::ui("", {{.name = "x"}}).expecting({{"y", "1"}})),
            "step 1: expected value for \"y\", which is not a field");
  // A redirect target is an absolute URL, and goes without return parameters.
  EXPECT_EQ(with(FlowStep::redirect("/index.php/Special:Elsewhere")),
            "step 1: the redirect target must be an absolute URL");
  EXPECT_EQ(with(FlowStep::redirect("https://idp.example.org/")), "");
  FlowStep both = FlowStep::redirect("https://idp.example.org/");
  both.return_params = {{"ticket", "T1"}};
  EXPECT_EQ(with(both), "step 1: return_params need the mock's own redirect page (no target)");
  FlowStep own = FlowStep::redirect();
  own.return_params = {{"ticket", "T1"}};
  EXPECT_EQ(with(own), "");
}

// ---- The fixture's "flow" key -----------------------------------------------------------------

TEST(FlowFixtureTest, AUiStepReadsEveryKey) {
  const auto steps = parse_flow(R"([
    {"ui": {"message": "Enter the code.", "messagecode": "mockwiki-code", "id": "MockWiki\\Code",
            "fields": {"code": {"type": "string", "label": "Code", "help": "Six digits", "optional": false,
                                "sensitive": true},
                       "state": {"type": "hidden", "value": "s-1"},
                       "trust": {"type": "checkbox", "optional": true}},
            "expect": {"code": "123456", "state": "s-1"},
            "mismatch_message": "Try again.", "fail_on_mismatch": true}},
    {"pass": {}}])");
  ASSERT_EQ(steps.size(), 2u);
  const FlowStep& ui = steps[0];
  EXPECT_EQ(ui.kind, Kind::Ui);
  EXPECT_EQ(ui.message, "Enter the code.");
  EXPECT_EQ(ui.message_code, "mockwiki-code");
  EXPECT_EQ(ui.request_id, "MockWiki\\Code");
  ASSERT_EQ(ui.fields.size(), 3u);
  EXPECT_EQ(ui.fields[0].name, "code");
  EXPECT_EQ(ui.fields[0].type, "string");
  EXPECT_EQ(ui.fields[0].label, "Code");
  EXPECT_EQ(ui.fields[0].help, "Six digits");
  EXPECT_EQ(ui.fields[0].value, std::nullopt);
  EXPECT_FALSE(ui.fields[0].optional);
  EXPECT_TRUE(ui.fields[0].sensitive);
  EXPECT_EQ(ui.fields[1].name, "state");
  EXPECT_EQ(ui.fields[1].type, "hidden");
  EXPECT_EQ(ui.fields[1].value, "s-1");
  EXPECT_EQ(ui.fields[1].label, "");
  EXPECT_EQ(ui.fields[2].name, "trust");
  EXPECT_EQ(ui.fields[2].type, "checkbox");
  EXPECT_TRUE(ui.fields[2].optional);
  EXPECT_FALSE(ui.fields[2].sensitive);
  EXPECT_EQ(ui.expect, (std::map<std::string, std::string>{{"code", "123456"}, {"state", "s-1"}}));
  EXPECT_EQ(ui.mismatch_message, "Try again.");
  EXPECT_TRUE(ui.fail_on_mismatch);
  EXPECT_EQ(steps[1].kind, Kind::Pass);
}

TEST(FlowFixtureTest, OmittedKeysTakeTheDefaults) {
  const auto steps = parse_flow(R"([{"ui": {"fields": {"code": {}}}}, {"fail": {}}])");
  const FlowStep& ui = steps.at(0);
  const FlowStep defaults = FlowStep::ui("", {{.name = "code"}});
  EXPECT_EQ(ui.message, "");
  EXPECT_EQ(ui.message_code, "");
  EXPECT_EQ(ui.request_id, defaults.request_id);
  EXPECT_EQ(ui.fields.at(0).type, "string");
  EXPECT_FALSE(ui.fields.at(0).optional);
  EXPECT_FALSE(ui.fields.at(0).sensitive);
  EXPECT_TRUE(ui.expect.empty());
  EXPECT_EQ(ui.mismatch_message, defaults.mismatch_message);
  EXPECT_FALSE(ui.fail_on_mismatch);
  EXPECT_EQ(steps.at(1).kind, Kind::Fail);
  EXPECT_EQ(steps.at(1).message, "");

  const Fixture fixture = Fixture::parse(R"({"accounts": [{"name": "Alice", "password": "p"}]})");
  EXPECT_TRUE(fixture.accounts.at(0).flow.empty());
  for (const auto& account : Fixture::defaults().accounts) EXPECT_TRUE(account.flow.empty()) << account.name;
}

TEST(FlowFixtureTest, FieldsKeepTheirOrderAndPasswordsAreSensitiveByDefault) {
  const auto steps = parse_flow(R"([{"ui": {"fields": {
      "zeta": {"type": "password"}, "alpha": {"type": "password", "sensitive": false},
      "mu": {"type": "null", "value": "shown"}}}}, {"pass": {}}])");
  const auto& fields = steps.at(0).fields;
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].name, "zeta");
  EXPECT_TRUE(fields[0].sensitive);
  EXPECT_EQ(fields[1].name, "alpha");
  EXPECT_FALSE(fields[1].sensitive);
  EXPECT_EQ(fields[2].name, "mu");
  EXPECT_EQ(fields[2].type, "null");
  EXPECT_EQ(fields[2].value, "shown");
}

TEST(FlowFixtureTest, RedirectPassFailAndRestartStepsReadTheirKeys) {
  const auto steps = parse_flow(R"([
    {"redirect": {}},
    {"redirect": {"return_params": {"ticket": "T1", "a": "b"}}},
    {"redirect": {"target": "https://idp.example.org/auth", "redirectdata": {"nonce": "n", "list": [1, 2]}}},
    {"redirect": {"target": "https://idp.example.org/auth", "redirectdata": "text"}},
    {"restart": {"message": "Link it.", "messagecode": "mockwiki-link", "canpreservestate": false}}])");
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[0].kind, Kind::Redirect);
  EXPECT_EQ(steps[0].target, "");
  EXPECT_TRUE(steps[0].return_params.empty());
  EXPECT_EQ(steps[0].redirect_data, std::nullopt);
  EXPECT_EQ(steps[1].return_params, (std::map<std::string, std::string>{{"a", "b"}, {"ticket", "T1"}}));
  EXPECT_EQ(steps[2].target, "https://idp.example.org/auth");
  // redirectdata is any JSON, kept as its text.
  EXPECT_EQ(steps[2].redirect_data, R"({"nonce":"n","list":[1,2]})");
  EXPECT_EQ(steps[3].redirect_data, R"("text")");
  EXPECT_EQ(steps[4].kind, Kind::Restart);
  EXPECT_EQ(steps[4].message, "Link it.");
  EXPECT_EQ(steps[4].message_code, "mockwiki-link");
  EXPECT_FALSE(steps[4].can_preserve_state);

  const auto fail = parse_flow(R"([{"fail": {"message": "No.", "messagecode": "mockwiki-no"}}])");
  EXPECT_EQ(fail.at(0).kind, Kind::Fail);
  EXPECT_EQ(fail.at(0).message, "No.");
  EXPECT_EQ(fail.at(0).message_code, "mockwiki-no");
  EXPECT_TRUE(parse_flow(R"([{"restart": {}}])").at(0).can_preserve_state);
  EXPECT_EQ(parse_flow(R"([{"pass": {}}])").at(0).kind, Kind::Pass);
}

TEST(FlowFixtureTest, AFlowIsAnArrayOfOneKeyStepsThatMakeAFlow) {
  EXPECT_EQ(flow_fixture_error(R"({"pass": {}})"), "fixture: accounts[0].flow: expected an array of steps, got object");
  EXPECT_EQ(flow_fixture_error("[]"), "fixture: accounts[0].flow: a flow needs at least one step");
  EXPECT_EQ(flow_fixture_error(R"(["pass"])"), "fixture: accounts[0].flow[0]: expected an object, got string");
  EXPECT_EQ(flow_fixture_error(R"([{}])"),
            "fixture: accounts[0].flow[0]: a step is an object with one key: ui, redirect, pass, fail or restart");
  EXPECT_EQ(flow_fixture_error(R"([{"pass": {}, "fail": {}}])"),
            "fixture: accounts[0].flow[0]: a step is an object with one key: ui, redirect, pass, fail or restart");
  EXPECT_EQ(flow_fixture_error(R"([{"pass": true}])"),
            "fixture: accounts[0].flow[0].pass: expected an object, got boolean");
  EXPECT_EQ(flow_fixture_error(R"([{"pass": {}}, {"wait": {}}])"),
            "fixture: accounts[0].flow[1]: unknown step \"wait\" (expected ui, redirect, pass, fail or restart)");
  EXPECT_EQ(flow_fixture_error(R"([{"wait": 5}])"),
            "fixture: accounts[0].flow[0].wait: expected an object, got number");
  // flow_error's complaints name the step.
  EXPECT_EQ(flow_fixture_error(R"([{"pass": {}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: pass, fail and restart end a flow; no step may follow");
  EXPECT_EQ(flow_fixture_error(R"([{"redirect": {}}])"),
            "fixture: accounts[0].flow: step 1: the last step must be pass, fail or restart");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"fields": {}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: a ui step needs at least one field");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"id": "", "fields": {"x": {}}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: the request id must not be empty");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"fields": {"": {}}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: a field needs a name");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"fields": {"x": {"type": "select"}}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: field \"x\" has unknown type \"select\" (string, password, checkbox, "
            "hidden, null)");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"fields": {"x": {}}, "expect": {"y": "1"}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: expected value for \"y\", which is not a field");
  EXPECT_EQ(flow_fixture_error(R"([{"pass": {}}, {"redirect": {"target": "/x"}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: pass, fail and restart end a flow; no step may follow");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"fields": {"x": {}}}}, {"redirect": {"target": "/x"}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 2: the redirect target must be an absolute URL");
  EXPECT_EQ(flow_fixture_error(
                R"([{"redirect": {"target": "https://idp.example.org/", "return_params": {"t": "1"}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow: step 1: return_params need the mock's own redirect page (no target)");
}

TEST(FlowFixtureTest, UnknownKeysAreNamedWithTheKnownOnes) {
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"title": "x", "fields": {"x": {}}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow[0].ui: unknown key \"title\" (expected one of: message, messagecode, id, "
            "fields, expect, mismatch_message, fail_on_mismatch)");
  EXPECT_EQ(flow_fixture_error(R"([{"ui": {"fields": {"x": {"placeholder": "y"}}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow[0].ui.fields.x: unknown key \"placeholder\" (expected one of: type, label, "
            "help, value, optional, sensitive)");
  EXPECT_EQ(flow_fixture_error(R"([{"redirect": {"url": "https://x/"}}, {"pass": {}}])"),
            "fixture: accounts[0].flow[0].redirect: unknown key \"url\" (expected one of: target, return_params, "
            "redirectdata)");
  EXPECT_EQ(flow_fixture_error(R"([{"fail": {"reason": "x"}}])"),
            "fixture: accounts[0].flow[0].fail: unknown key \"reason\" (expected one of: message, messagecode)");
  EXPECT_EQ(flow_fixture_error(R"([{"restart": {"preserve": true}}])"),
            "fixture: accounts[0].flow[0].restart: unknown key \"preserve\" (expected one of: message, messagecode, "
            "canpreservestate)");
  // pass takes no keys at all.
  EXPECT_EQ(flow_fixture_error(R"([{"pass": {"username": "Alice"}}])"),
            "fixture: accounts[0].flow[0].pass: unknown key \"username\" (expected one of: )");
}

TEST(FlowFixtureTest, ValuesOfTheWrongTypeAreNamedWithTheirPath) {
  const auto ui = [](std::string_view body) {
    return flow_fixture_error(R"([{"ui": )" + std::string(body) + R"(}, {"pass": {}}])");
  };
  EXPECT_EQ(ui(R"({"message": 1, "fields": {"x": {}}})"),
            "fixture: accounts[0].flow[0].ui.message: expected a string, got number");
  EXPECT_EQ(ui(R"({"messagecode": null, "fields": {"x": {}}})"),
            "fixture: accounts[0].flow[0].ui.messagecode: expected a string, got null");
  EXPECT_EQ(ui(R"({"id": ["a"], "fields": {"x": {}}})"),
            "fixture: accounts[0].flow[0].ui.id: expected a string, got array");
  EXPECT_EQ(ui(R"({"message": "m"})"), "fixture: accounts[0].flow[0].ui: missing \"fields\"");
  EXPECT_EQ(ui(R"({"fields": ["x"]})"), "fixture: accounts[0].flow[0].ui.fields: expected an object, got array");
  EXPECT_EQ(ui(R"({"fields": {"x": "string"}})"),
            "fixture: accounts[0].flow[0].ui.fields.x: expected an object, got string");
  EXPECT_EQ(ui(R"({"fields": {"x": {"type": 3}}})"),
            "fixture: accounts[0].flow[0].ui.fields.x.type: expected a string, got number");
  EXPECT_EQ(ui(R"({"fields": {"x": {"label": true}}})"),
            "fixture: accounts[0].flow[0].ui.fields.x.label: expected a string, got boolean");
  EXPECT_EQ(ui(R"({"fields": {"x": {"help": {}}}})"),
            "fixture: accounts[0].flow[0].ui.fields.x.help: expected a string, got object");
  EXPECT_EQ(ui(R"({"fields": {"x": {"value": 5}}})"),
            "fixture: accounts[0].flow[0].ui.fields.x.value: expected a string, got number");
  EXPECT_EQ(ui(R"({"fields": {"x": {"optional": "yes"}}})"),
            "fixture: accounts[0].flow[0].ui.fields.x.optional: expected true or false, got string");
  EXPECT_EQ(ui(R"({"fields": {"x": {"sensitive": 1}}})"),
            "fixture: accounts[0].flow[0].ui.fields.x.sensitive: expected true or false, got number");
  EXPECT_EQ(ui(R"({"fields": {"x": {}}, "expect": ["x"]})"),
            "fixture: accounts[0].flow[0].ui.expect: expected an object, got array");
  EXPECT_EQ(ui(R"({"fields": {"x": {}}, "expect": {"x": 123456}})"),
            "fixture: accounts[0].flow[0].ui.expect.x: expected a string, got number");
  EXPECT_EQ(ui(R"({"fields": {"x": {}}, "mismatch_message": false})"),
            "fixture: accounts[0].flow[0].ui.mismatch_message: expected a string, got boolean");
  EXPECT_EQ(ui(R"({"fields": {"x": {}}, "fail_on_mismatch": "true"})"),
            "fixture: accounts[0].flow[0].ui.fail_on_mismatch: expected true or false, got string");

  EXPECT_EQ(flow_fixture_error(R"([{"redirect": {"target": 1}}, {"pass": {}}])"),
            "fixture: accounts[0].flow[0].redirect.target: expected a string, got number");
  EXPECT_EQ(flow_fixture_error(R"([{"redirect": {"return_params": "ticket=T1"}}, {"pass": {}}])"),
            "fixture: accounts[0].flow[0].redirect.return_params: expected an object, got string");
  EXPECT_EQ(flow_fixture_error(R"([{"redirect": {"return_params": {"ticket": 1}}}, {"pass": {}}])"),
            "fixture: accounts[0].flow[0].redirect.return_params.ticket: expected a string, got number");
  EXPECT_EQ(flow_fixture_error(R"([{"fail": {"message": ["No."]}}])"),
            "fixture: accounts[0].flow[0].fail.message: expected a string, got array");
  EXPECT_EQ(flow_fixture_error(R"([{"restart": {"canpreservestate": "false"}}])"),
            "fixture: accounts[0].flow[0].restart.canpreservestate: expected true or false, got string");
  // The origin and the account's place lead the message.
  try {
    Fixture::parse(R"({"accounts": [{"name": "Alice", "password": "p"},
                                     {"name": "Carol", "password": "p", "flow": [{"redirect": {}}]}]})",
                   "carol.json");
    FAIL() << "no error";
  } catch (const FixtureError& e) {
    EXPECT_STREQ(e.what(), "carol.json: accounts[1].flow: step 1: the last step must be pass, fail or restart");
  }
}

}  // namespace
}  // namespace mockwiki
