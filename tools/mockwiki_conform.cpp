// mockwiki-conform: runs the conformance scenarios (scenarios/tables/) against any api.php.
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "command_line.h"
#include "mockwiki/version.h"
#include "scenarios/client_scenario.h"
#include "scenarios/runner.h"

namespace {

constexpr std::string_view kUsage =
    R"(Usage: mockwiki-conform --api URL [--profile core|oath|mock] [--fixture NAME] [--filter REGEX]
                        [--junit FILE] [--list]

Runs the conformance scenarios against a wiki's api.php, the HTTP ones and then those played
through the client library: one line per scenario, what differed for each that failed, and a
last line "N passed, N failed". Mock scenarios reset the mock (/__mockwiki/reset) first.

Options:
  --api URL        the wiki's api.php
  --profile P      which scenarios: core (hold on stock MediaWiki 1.39; the default), oath
                   (need OATHAuth and the two-factor accounts of fixture-oath.json; run them
                   apart, as its extra rights change core's rights lists), mock (every tag:
                   also those that need the mock's clock, control plane, single sign-on or
                   captcha)
  --fixture NAME   only scenarios that need this fixture (mockwiki/fixtures/NAME.json: default,
                   oath, confirmedit, pluggableauth), the one the wiki was set up with; by
                   default "oath" for --profile oath and "default" otherwise
  --filter REGEX   only scenarios whose name matches (ECMAScript regex, searched)
  --junit FILE     also write a JUnit XML report
  --list           list the scenarios the options select, and run none
  --help, --version

Exit status: 0 when all passed, 1 when any failed, 2 for a usage error, no wiki at the URL, no
scenario selected, or a --junit file that cannot be written.
)";

[[noreturn]] void usage_error(const std::string& message) { tools::usage_error("mockwiki-conform", message); }

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 allows no control characters but tab and line breaks.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += '?';
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::string> api, junit, filter, fixture;
  std::string profile = "core";
  bool list = false;
  tools::Arguments args("mockwiki-conform", argc, argv);
  while (args.next()) {
    const std::string& arg = args.arg();
    const std::string flag = args.flag();
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (flag == "--version") {
      std::cout << "mockwiki-conform " << MOCKWIKI_VERSION << "\n";
      return 0;
    } else if (flag == "--api") {
      api = args.value();
    } else if (flag == "--profile") {
      profile = args.value();
      if (profile != "core" && profile != "oath" && profile != "mock") {
        usage_error("--profile is core, oath or mock, not \"" + profile + "\"");
      }
    } else if (flag == "--fixture") {
      fixture = args.value();
    } else if (flag == "--filter") {
      filter = args.value();
    } else if (flag == "--junit") {
      junit = args.value();
    } else if (flag == "--list") {
      list = true;
    } else {
      usage_error("unknown option \"" + arg + "\"");
    }
  }
  if (!api && !list) usage_error("--api URL is required");
  std::optional<std::regex> pattern;
  if (filter) {
    try {
      pattern.emplace(*filter);
    } catch (const std::regex_error& e) {
      usage_error("--filter is not a regular expression: " + std::string(e.what()));
    }
  }

  if (!fixture) fixture = profile == "oath" ? "oath" : "default";
  std::set<std::string> fixtures;
  for (const auto& scenario : scenarios::all_scenarios()) fixtures.insert(scenarios::fixture_of(scenario));
  for (const auto& scenario : scenarios::all_client_scenarios()) fixtures.insert(scenarios::fixture_of(scenario));
  if (!fixtures.contains(*fixture)) {
    std::string known;
    for (const auto& name : fixtures) known += (known.empty() ? "" : ", ") + name;
    usage_error("no scenario needs a fixture \"" + *fixture + "\" (they need " + known + ")");
  }
  if (!list) {
    // One request first, so that a wrong URL is one clear error rather than a failure per scenario.
    if (const std::string problem = scenarios::check_wiki(*api); !problem.empty()) {
      std::cerr << "mockwiki-conform: " << problem << "\n";
      return 2;
    }
  }

  int passed = 0, failed = 0;
  bool listed = false;
  std::string cases;
  // HTTP scenarios first, then those played through the client library: the same selection.
  auto play = [&](const auto& scenario) {
    const bool in_profile = profile == "mock" || (profile == "core" && scenario.tag == scenarios::Tag::Core) ||
                            (profile == "oath" && scenario.tag == scenarios::Tag::Oath);
    if (!in_profile || scenarios::fixture_of(scenario) != *fixture ||
        (pattern && !std::regex_search(scenario.name, *pattern))) {
      return;
    }
    if (list) {
      listed = true;
      std::cout << scenario.name << "  [" << scenarios::tag_name(scenario.tag) << "]  " << scenario.source << "\n";
      return;
    }
    const scenarios::Outcome outcome = scenarios::run(scenario, *api);
    std::cout << (outcome.passed ? "PASS " : "FAIL ") << scenario.name << "\n";
    if (!outcome.passed) {
      std::cout << "     source: " << scenario.source << "\n";
      std::string line;
      for (char c : outcome.diff) {
        if (c == '\n') {
          std::cout << "     " << line << "\n";
          line.clear();
        } else {
          line += c;
        }
      }
    }
    (outcome.passed ? passed : failed)++;
    cases += "  <testcase classname=\"" + std::string(scenarios::tag_name(scenario.tag)) + "\" name=\"" +
             xml_escape(scenario.name) + "\">";
    if (!outcome.passed) cases += "<failure message=\"differs\">" + xml_escape(outcome.diff) + "</failure>";
    cases += "</testcase>\n";
  };
  for (const auto& scenario : scenarios::all_scenarios()) play(scenario);
  for (const auto& scenario : scenarios::all_client_scenarios()) play(scenario);
  if (passed + failed == 0 && !listed) {
    std::cerr << "mockwiki-conform: no scenario is in profile " << profile << " with fixture " << *fixture
              << (filter ? " and matches the filter" : "") << " (see --list)\n";
    return 2;
  }
  if (list) return 0;
  std::cout << passed << " passed, " << failed << " failed\n";
  if (junit) {
    std::ofstream out(*junit);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"mockwiki-conform\" tests=\""
        << passed + failed << "\" failures=\"" << failed << "\">\n"
        << cases << "</testsuite>\n";
    if (!out) {
      std::cerr << "mockwiki-conform: cannot write " << *junit << "\n";
      return 2;
    }
  }
  return failed == 0 ? 0 : 1;
}
