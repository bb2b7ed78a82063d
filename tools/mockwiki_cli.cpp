// mockwiki-cli: a MediaWiki client on the command line, over the client library (client/).
// For poking at a wiki (the mock or a real one) by hand or from scripts.
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command_line.h"
#include "mediawiki/client_login.h"
#include "mediawiki/session.h"
#include "mockwiki/version.h"

namespace {

constexpr std::string_view kUsage = R"(Usage: mockwiki-cli --api URL [--cookie-jar FILE] COMMAND [ARGS]

A MediaWiki API client for the command line.

Commands:
  login USER [--oath-secret BASE32]
                 log in. A bot password (User@appid) goes through action=login; any
                 other account through clientlogin, answering a two-factor step from
                 --oath-secret (or a prompt). The password comes from the environment
                 variable MW_PASSWORD, else a prompt.
  whoami         print meta=userinfo as JSON
  call KEY=VALUE... [--post] [--token TYPE]
                 any API request; --token fills in a token of that type (csrf, login, ...)
  logout         log out

Options:
  --api URL          the wiki's api.php
  --cookie-jar FILE  keep the cookies (the login) in FILE between runs
  --help, --version

Exit status: 0 on success; 1 with "code: info" on stderr for an API error or a failed
login; 2 for a usage error.
)";

[[noreturn]] void usage_error(const std::string& message) { tools::usage_error("mockwiki-cli", message); }

// A line from the terminal, without echo for secrets.
std::string prompt(const std::string& label, bool secret) {
  std::cerr << label << ": " << std::flush;
  termios old{};
  const bool terminal = secret && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (terminal) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!got) usage_error("no " + label + " given (standard input ended)");
  return line;
}

int run(const std::string& api, const std::optional<std::string>& jar_file, const std::vector<std::string>& words) {
  mediawiki::Session session(api);
  if (jar_file && std::filesystem::exists(*jar_file)) session.cookies() = mediawiki::CookieJar::load(*jar_file);
  const std::string& command = words[0];
  if (command == "login") {
    std::optional<std::string> user, secret;
    for (std::size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "--oath-secret") {
        if (i + 1 >= words.size()) usage_error("--oath-secret needs a value");
        secret = words[++i];
      } else if (words[i].starts_with("--oath-secret=")) {
        secret = words[i].substr(14);
      } else if (!user) {
        user = words[i];
      } else {
        usage_error("login takes one user name, not also \"" + words[i] + "\"");
      }
    }
    if (!user) usage_error("login needs a user name");
    // A login starts a new session: the wiki refuses a login inside a bot-password session.
    session.cookies().clear();
    const char* env = std::getenv("MW_PASSWORD");
    const std::string password = env ? env : prompt("Password for " + *user, true);
    if (user->find('@') != std::string::npos) {
      session.login(*user, password);
    } else {
      mediawiki::ClientLoginHandlers handlers;
      if (secret) {
        handlers.ui = mediawiki::totp_handler(*secret);
      } else {
        handlers.ui = mediawiki::prompt_handler(std::cin, std::cerr);
      }
      const auto result = mediawiki::client_login(session, *user, password, handlers);
      if (result.restarted) {
        std::cerr << "RESTART: " << result.step.message_code << ": " << result.step.message << "\n";
        return 1;
      }
    }
    std::cout << "Logged in as " << session.user().value_or(*user) << "\n";
  } else if (command == "whoami") {
    if (words.size() > 1) usage_error("whoami takes no arguments");
    const auto reply = session.get({{"action", "query"}, {"meta", "userinfo"}});
    std::cout << reply["query"]["userinfo"].dump() << "\n";
  } else if (command == "call") {
    mediawiki::Params params;
    bool post = false;
    std::optional<std::string> token;
    for (std::size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "--post") {
        post = true;
      } else if (words[i] == "--token") {
        if (i + 1 >= words.size()) usage_error("--token needs a type");
        token = words[++i];
      } else if (const auto eq = words[i].find('='); eq != std::string::npos && eq > 0) {
        params.emplace_back(words[i].substr(0, eq), words[i].substr(eq + 1));
      } else {
        usage_error("call takes KEY=VALUE arguments, not \"" + words[i] + "\"");
      }
    }
    if (params.empty()) usage_error("call needs at least one KEY=VALUE (e.g. action=query)");
    mediawiki::Json reply;
    if (token) {
      reply = session.post_with_token(params, *token, *token == "login" ? "logintoken" : "token");
    } else {
      reply = post ? session.post(params) : session.get(params);
    }
    std::cout << reply.dump(2) << "\n";
  } else if (command == "logout") {
    if (words.size() > 1) usage_error("logout takes no arguments");
    session.logout();
    std::cout << "Logged out\n";
  } else {
    usage_error("unknown command \"" + command + "\" (login, whoami, call, logout)");
  }
  if (jar_file) session.cookies().save(*jar_file);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::string> api, jar;
  std::vector<std::string> words;
  tools::Arguments args("mockwiki-cli", argc, argv);
  while (args.next()) {
    const std::string& arg = args.arg();
    const std::string flag = args.flag();
    if (!words.empty()) {
      words.push_back(arg);  // the command's own arguments
    } else if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (flag == "--version") {
      std::cout << "mockwiki-cli " << MOCKWIKI_VERSION << "\n";
      return 0;
    } else if (flag == "--api") {
      api = args.value();
    } else if (flag == "--cookie-jar") {
      jar = args.value();
    } else if (arg.starts_with("-")) {
      usage_error("unknown option \"" + arg + "\"");
    } else {
      words.push_back(arg);
    }
  }
  if (!api) usage_error("--api URL is required");
  if (words.empty()) usage_error("a command is required (login, whoami, call, logout)");
  try {
    return run(*api, jar, words);
  } catch (const mediawiki::ApiError& e) {
    std::cerr << e.code() << ": " << e.info() << "\n";
  } catch (const mediawiki::LoginError& e) {
    std::cerr << (e.message_code().empty() ? e.result() : e.message_code()) << ": " << e.reason() << "\n";
  } catch (const mediawiki::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 1;
}
