// mockwiki: the standalone fake wiki. Only the command line around the library.
//
// The api.php URL is the first line on stdout as soon as connections are accepted, so a script
// can start it and read where it is:
//
//   url=$(mockwiki --port 0 | head -n1)      # or read the first line from a pipe
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "command_line.h"
#include "mockwiki/fixture.h"
#include "mockwiki/server.h"
#include "mockwiki/version.h"

namespace {

constexpr std::string_view kUsage = R"(Usage: mockwiki [OPTIONS]

A mock MediaWiki 1.39 api.php for testing clients: login (bot passwords and main
accounts), clientlogin, tokens, cookie sessions and their expiry, logout, userinfo,
authmanagerinfo, siteinfo, and MediaWiki's errors in every errorformat.

Prints its api.php URL as the first line on stdout once it accepts connections,
then serves until SIGINT or SIGTERM, logging one line per request on stderr.

The admin API under /__mockwiki/ (JSON) resets the wiki, moves its clock, changes
accounts, ends sessions, injects faults (maxlag, readonly, badtoken, HTTP 503, ...)
and shows the journal of requests: curl http://127.0.0.1:PORT/__mockwiki/ lists it.

Options:
  --port N          port to listen on (default 8080; 0 picks a free port)
  --bind ADDR       address to listen on (default 127.0.0.1; 0.0.0.0 or :: for all)
  --fixture FILE    accounts and extensions, in the format of mockwiki/fixtures/default.json
                    (default: that file's accounts: Admin, Alice, Robo, Throttled)
  --wiki-id ID      the wiki id, which prefixes cookie names (default mockwiki)
  --sitename NAME   the site name, also the Project namespace (default RefWiki, as the
                    reference wiki the mock is compared with)
  --threads N       connections served at once (default 16)
  --admin-token T   require "Authorization: Bearer T" on the admin API (/__mockwiki/), and
                    offer it on any bind address (without a token: loopback binds only)
  --no-admin        no admin API
  --quiet           no line per request on stderr
  --log-format F    text (default) or json: the line per request on stderr
  --help            this text
  --version         the version

Exit status: 0 after a clean stop, 1 if it cannot listen, 2 for a bad option or fixture.
)";

// One line per request: method, action (and query's modules), result or error code, latency.
std::string text_log_line(const mockwiki::JournalEntry& e) {
  std::string line = e.method + " " + (e.action.empty() ? e.path : e.action);
  for (const char* kind : {"meta", "list", "prop"}) {
    if (const std::string* modules = e.param(kind)) line.append(" ").append(kind).append("=").append(*modules);
  }
  if (!e.error.empty()) {
    line += " error=" + e.error;
  } else if (!e.result.empty()) {
    line += " " + e.result;
  }
  if (!e.user.empty()) line += " user=" + e.user;
  if (!e.fault.empty()) line += " fault=" + e.fault;
  char latency[32];
  std::snprintf(latency, sizeof latency, " %d %.2fms", e.status, e.latency_ms);
  return line + latency;
}

[[noreturn]] void usage_error(const std::string& message) { tools::usage_error("mockwiki", message); }

int parse_number(const std::string& flag, const std::string& text, int min, int max) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= min && value <= max) return value;
  } catch (const std::exception&) {
  }
  usage_error(flag + " needs a number from " + std::to_string(min) + " to " + std::to_string(max) + ", not \"" + text +
              "\"");
}

}  // namespace

int main(int argc, char** argv) {
  mockwiki::MockWiki::Options options;
  options.port = 8080;
  options.threads = 16;
  std::optional<std::string> fixture_path;
  bool quiet = false;
  bool json_log = false;

  tools::Arguments args("mockwiki", argc, argv);
  while (args.next()) {
    const std::string& arg = args.arg();
    const std::string flag = args.flag();
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (flag == "--version") {
      std::cout << "mockwiki " << MOCKWIKI_VERSION << " (mocks MediaWiki 1.39)\n";
      return 0;
    } else if (flag == "--port") {
      options.port = parse_number(flag, args.value(), 0, 65535);
    } else if (flag == "--bind") {
      options.bind = args.value();
    } else if (flag == "--fixture") {
      fixture_path = args.value();
    } else if (flag == "--wiki-id") {
      options.wiki_id = args.value();
    } else if (flag == "--sitename") {
      options.sitename = args.value();
      if (options.sitename.empty()) usage_error("--sitename needs a name");
    } else if (flag == "--admin-token") {
      options.admin_token = args.value();
      if (options.admin_token.empty()) usage_error("--admin-token needs a token");
    } else if (flag == "--no-admin") {
      options.admin_api = false;
    } else if (flag == "--quiet" || flag == "-q") {
      quiet = true;
    } else if (flag == "--log-format") {
      const std::string format = args.value();
      if (format != "text" && format != "json") usage_error("--log-format is text or json, not \"" + format + "\"");
      json_log = format == "json";
    } else if (flag == "--threads") {
      options.threads = static_cast<std::size_t>(parse_number(flag, args.value(), 1, 1024));
    } else {
      usage_error("unknown option \"" + arg + "\"");
    }
  }

  try {
    if (fixture_path) options.fixture = mockwiki::Fixture::load(*fixture_path);
  } catch (const mockwiki::FixtureError& e) {
    std::cerr << "mockwiki: bad fixture: " << e.what() << "\n";
    return 2;
  }

  if (!quiet) {
    options.on_request = [json_log](const mockwiki::JournalEntry& entry) {
      static std::mutex log_mutex;
      std::string line = json_log ? entry.to_json() : text_log_line(entry);
      line.push_back('\n');
      std::lock_guard lock(log_mutex);
      std::fwrite(line.data(), 1, line.size(), stderr);
    };
  }

  // Signals are taken by sigwait() below, so block them before any server thread exists.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::optional<mockwiki::MockWiki> wiki;
  try {
    const std::size_t accounts = options.fixture.accounts.size();
    wiki.emplace(std::move(options));
    std::cout << wiki->api_url() << std::endl;
    std::cerr << "mockwiki " << MOCKWIKI_VERSION << ": wiki \"" << wiki->wiki_id() << "\" with " << accounts
              << " accounts at " << wiki->api_url() << " (Ctrl-C stops)\n";
  } catch (const std::invalid_argument& e) {
    usage_error(e.what());
  } catch (const std::exception& e) {
    std::cerr << "mockwiki: " << e.what() << "\n";
    return 1;
  }

  int signal = 0;
  sigwait(&signals, &signal);
  wiki->stop();
  return 0;
}
