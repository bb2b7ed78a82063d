// The standalone `mockwiki` program (tools/mockwiki.cpp), run as a child process: its options,
// its exit statuses (0 after a clean stop, 1 if it cannot listen, 2 for a bad option or fixture),
// the api.php URL as the first line on stdout, and SIGTERM/SIGINT.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mockwiki/version.h"
#include "support/api_client.h"

#ifndef MOCKWIKI_BINARY
#error "MOCKWIKI_BINARY must name the built mockwiki executable"
#endif

namespace mockwiki::testing {
namespace {

using namespace accounts;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::StartsWith;

// A running (or finished) mockwiki child with pipes on its stdout and stderr.
struct Child {
  pid_t pid = -1;
  int out = -1;  // read ends
  int err = -1;
  std::string stdout_text;
  std::string stderr_text;
  std::optional<int> status;  // waitpid status once reaped
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

Child spawn(const std::vector<std::string>& args) {
  int out[2];
  int err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  // Everything the child needs is made before fork(): after it, only exec.
  std::string program = MOCKWIKI_BINARY;
  std::vector<std::string> copies = args;
  std::vector<char*> argv;
  argv.push_back(program.data());
  for (auto& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  Child child;
  child.pid = ::fork();
  if (child.pid < 0) throw std::runtime_error("fork");
  if (child.pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    if (null >= 0) ::dup2(null, STDIN_FILENO);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  if (null >= 0) ::close(null);
  ::close(out[1]);
  ::close(err[1]);
  child.out = out[0];
  child.err = err[0];
  return child;
}

// Reads what is available on fd into text; false at end of file.
bool drain(int fd, std::string& text) {
  char buffer[4096];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n > 0) text.append(buffer, static_cast<std::size_t>(n));
  return n > 0;
}

// Reads both pipes to their end and reaps the child.
void finish(Child& child) {
  while (child.out >= 0 || child.err >= 0) {
    pollfd fds[2] = {{child.out, POLLIN, 0}, {child.err, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) break;
    if (child.out >= 0 && fds[0].revents && !drain(child.out, child.stdout_text)) close_fd(child.out);
    if (child.err >= 0 && fds[1].revents && !drain(child.err, child.stderr_text)) close_fd(child.err);
  }
  if (child.pid > 0 && !child.status) {
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    child.status = status;
  }
}

// Runs the program to its end.
Child run(const std::vector<std::string>& args) {
  Child child = spawn(args);
  finish(child);
  return child;
}

int exit_code(const Child& child) {
  if (!child.status || !WIFEXITED(*child.status)) return -1;
  return WEXITSTATUS(*child.status);
}

class MockwikiCliTest : public ::testing::Test {
 protected:
  void TearDown() override {
    for (auto& child : children_) {
      if (child.pid > 0 && !child.status) {
        ::kill(child.pid, SIGKILL);
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        child.status = status;
      }
      close_fd(child.out);
      close_fd(child.err);
    }
    for (const auto& path : files_) std::remove(path.c_str());
  }

  // Starts a server and waits (polling, with a deadline) for the first line on stdout.
  Child& start(const std::vector<std::string>& args, std::string* url) {
    children_.push_back(spawn(args));
    Child& child = children_.back();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (child.stdout_text.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd fd = {child.out, POLLIN, 0};
      if (::poll(&fd, 1, 100) > 0 && !drain(child.out, child.stdout_text)) break;
    }
    const std::size_t newline = child.stdout_text.find('\n');
    *url = newline == std::string::npos ? std::string() : child.stdout_text.substr(0, newline);
    return child;
  }

  // Sends a signal and reaps the child, collecting the rest of its output.
  int stop_with(Child& child, int signal) {
    ::kill(child.pid, signal);
    finish(child);
    return exit_code(child);
  }

  std::string temp_file(const std::string& contents) {
    char path[] = "/tmp/mockwiki-cli-test-XXXXXX";
    const int fd = ::mkstemp(path);
    if (fd < 0) throw std::runtime_error("mkstemp");
    ::close(fd);
    std::ofstream(path) << contents;
    files_.push_back(path);
    return path;
  }

  static int port_of(const std::string& url) {
    const std::size_t colon = url.rfind(':');
    return colon == std::string::npos ? 0 : std::atoi(url.c_str() + colon + 1);
  }

  std::deque<Child> children_;  // a deque: references from start() stay valid
  std::vector<std::string> files_;
};

TEST_F(MockwikiCliTest, HelpPrintsTheUsageAndExitsZero) {
  for (const std::string flag : {"--help", "-h"}) {
    Child child = run({flag});
    EXPECT_EQ(exit_code(child), 0) << flag;
    EXPECT_THAT(child.stdout_text, StartsWith("Usage: mockwiki [OPTIONS]\n")) << flag;
    for (const char* option :
         {"--port N", "--bind ADDR", "--fixture FILE", "--wiki-id ID", "--sitename NAME", "--threads N",
          "--admin-token T", "--no-admin", "--quiet", "--log-format F", "--help", "--version"}) {
      EXPECT_THAT(child.stdout_text, HasSubstr(option)) << flag;
    }
    EXPECT_THAT(child.stdout_text,
                HasSubstr("Exit status: 0 after a clean stop, 1 if it cannot listen, 2 for a bad option or fixture."));
    EXPECT_THAT(child.stderr_text, IsEmpty()) << flag;
  }
}

TEST_F(MockwikiCliTest, VersionPrintsTheVersionAndExitsZero) {
  Child child = run({"--version"});
  EXPECT_EQ(exit_code(child), 0);
  EXPECT_EQ(child.stdout_text, std::string("mockwiki ") + MOCKWIKI_VERSION + " (mocks MediaWiki 1.39)\n");
  EXPECT_THAT(child.stderr_text, IsEmpty());
}

TEST_F(MockwikiCliTest, AnUnknownFlagExitsTwoWithAMessageOnStderr) {
  for (const std::string flag : {"--frobnicate", "-x", "port", "--port0"}) {
    Child child = run({flag});
    EXPECT_EQ(exit_code(child), 2) << flag;
    EXPECT_EQ(child.stderr_text, "mockwiki: unknown option \"" + flag + "\"\nTry 'mockwiki --help'.\n");
    EXPECT_THAT(child.stdout_text, IsEmpty()) << flag;
  }
}

TEST_F(MockwikiCliTest, ABadPortValueExitsTwoWithAMessageOnStderr) {
  for (const std::string value : {"abc", "70000", "-1", "8080x", "", "65536"}) {
    Child child = run({"--port", value});
    EXPECT_EQ(exit_code(child), 2) << value;
    EXPECT_EQ(child.stderr_text,
              "mockwiki: --port needs a number from 0 to 65535, not \"" + value + "\"\nTry 'mockwiki --help'.\n");
    EXPECT_THAT(child.stdout_text, IsEmpty());
  }
  Child equals = run({"--port=abc"});
  EXPECT_EQ(exit_code(equals), 2);
  EXPECT_THAT(equals.stderr_text, HasSubstr("not \"abc\""));
  Child missing = run({"--port"});
  EXPECT_EQ(exit_code(missing), 2);
  EXPECT_EQ(missing.stderr_text, "mockwiki: --port needs a value\nTry 'mockwiki --help'.\n");
  Child threads = run({"--threads", "0"});
  EXPECT_EQ(exit_code(threads), 2);
  EXPECT_THAT(threads.stderr_text, HasSubstr("--threads needs a number from 1 to 1024"));
}

TEST_F(MockwikiCliTest, AMissingFixtureFileExitsTwo) {
  Child child = run({"--fixture", "/nonexistent/mockwiki-fixture.json", "--port", "0"});
  EXPECT_EQ(exit_code(child), 2);
  EXPECT_EQ(child.stderr_text, "mockwiki: bad fixture: /nonexistent/mockwiki-fixture.json: cannot read the file\n");
  EXPECT_THAT(child.stdout_text, IsEmpty());
}

TEST_F(MockwikiCliTest, AFixtureWithAnUnknownKeyExitsTwoNamingTheKey) {
  const std::string path = temp_file(R"({"accounts":[{"name":"Carol","password":"CarolPassw0rd!23","colour":"red"}]})");
  Child child = run({"--fixture", path, "--port", "0"});
  EXPECT_EQ(exit_code(child), 2);
  EXPECT_THAT(child.stderr_text, StartsWith("mockwiki: bad fixture: " + path + ": "));
  EXPECT_THAT(child.stderr_text, HasSubstr("unknown key \"colour\""));
  EXPECT_THAT(child.stdout_text, IsEmpty());
  const std::string broken = temp_file("{\"accounts\": [");
  Child not_json = run({"--fixture", broken, "--port", "0"});
  EXPECT_EQ(exit_code(not_json), 2);
  EXPECT_THAT(not_json.stderr_text, HasSubstr("not valid JSON"));
}

TEST_F(MockwikiCliTest, PortZeroPrintsTheApiUrlFirstAndAnswers) {
  std::string url;
  Child& child = start({"--port", "0"}, &url);
  ASSERT_THAT(url, MatchesRegex("http://127\\.0\\.0\\.1:[0-9]+/api\\.php"));
  EXPECT_GT(port_of(url), 0);
  {
    ApiClient client(url);
    EXPECT_EQ(client.get(kUserinfo).json["query"]["userinfo"], Json({{"id", 0}, {"name", "127.0.0.1"}, {"anon", ""}}));
    Reply login = client.login(kRoboBot, kRoboBotPass);
    EXPECT_EQ(login.json["login"]["result"], "Success");
    EXPECT_EQ(client.get(kUserinfo).json["query"]["userinfo"], Json({{"id", 4}, {"name", "Robo"}}));
  }
  EXPECT_EQ(stop_with(child, SIGTERM), 0);
  EXPECT_EQ(child.stdout_text, url + "\n");  // nothing else on stdout
  EXPECT_THAT(child.stderr_text, HasSubstr("with 4 accounts at " + url));
}

TEST_F(MockwikiCliTest, AFixtureFileGivesTheAccounts) {
  const std::string path = temp_file(R"({"accounts":[{"name":"Carol","password":"CarolPassw0rd!23"}]})");
  std::string url;
  Child& child = start({"--fixture", path, "--port=0", "--sitename", "Fixture Wiki", "--threads", "2"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  ApiClient client(url);
  EXPECT_EQ(client.client_login("Carol", "CarolPassw0rd!23").json["clientlogin"]["status"], "PASS");
  EXPECT_EQ(
      client.get({{"action", "query"}, {"meta", "siteinfo"}, {"format", "json"}}).json["query"]["general"]["sitename"],
      "Fixture Wiki");
  ApiClient alice(url);
  EXPECT_EQ(alice.client_login(kAlice, kAlicePass).json["clientlogin"]["status"], "FAIL");
}

TEST_F(MockwikiCliTest, BindingEveryInterfaceReportsTheLoopbackUrl) {
  std::string url;
  Child& child = start({"--bind", "0.0.0.0", "--port", "0"}, &url);
  ASSERT_THAT(url, MatchesRegex("http://127\\.0\\.0\\.1:[0-9]+/api\\.php")) << child.stderr_text;
  {
    ApiClient client(url);
    EXPECT_EQ(client.get(kUserinfo).json["query"]["userinfo"]["id"], 0);
  }
  EXPECT_EQ(stop_with(child, SIGTERM), 0);
}

TEST_F(MockwikiCliTest, TheWikiIdChangesCookieNames) {
  std::string url;
  Child& child = start({"--wiki-id", "testwiki", "--port", "0"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  {
    ApiClient client(url);
    Reply login = client.login(kAlice, kAlicePass);
    ASSERT_EQ(login.json["login"]["result"], "Success");
    EXPECT_THAT(*login.cookie_line("_session"), MatchesRegex("testwiki_session=[0-9a-v]{32}; path=/; HttpOnly"));
    EXPECT_THAT(*login.cookie_line("UserID"), StartsWith("testwikiUserID=3; "));
    EXPECT_THAT(*login.cookie_line("Token"), StartsWith("testwikiToken="));
  }
  EXPECT_EQ(stop_with(child, SIGTERM), 0);
  EXPECT_THAT(child.stderr_text, HasSubstr("wiki \"testwiki\" with 4 accounts"));
}

TEST_F(MockwikiCliTest, AnInvalidWikiIdExitsTwo) {
  Child child = run({"--wiki-id", "my wiki", "--port", "0"});
  EXPECT_EQ(exit_code(child), 2);
  EXPECT_THAT(child.stderr_text, HasSubstr("wiki id \"my wiki\""));
  EXPECT_THAT(child.stdout_text, IsEmpty());
}

TEST_F(MockwikiCliTest, SigtermStopsItWithExitZero) {
  std::string url;
  Child& child = start({"--port", "0"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  ApiClient client(url);  // an idle keep-alive connection stays open while it stops
  EXPECT_EQ(client.get(kUserinfo).status, 200);
  EXPECT_EQ(stop_with(child, SIGTERM), 0);
  EXPECT_EQ(child.stdout_text, url + "\n");
}

TEST_F(MockwikiCliTest, SigintStopsItWithExitZero) {
  std::string url;
  Child& child = start({"--port", "0"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  {
    ApiClient client(url);
    EXPECT_EQ(client.get(kUserinfo).status, 200);
  }
  EXPECT_EQ(stop_with(child, SIGINT), 0);
}

TEST_F(MockwikiCliTest, ATakenPortExitsOne) {
  std::string url;
  Child& first = start({"--port", "0"}, &url);
  ASSERT_FALSE(url.empty()) << first.stderr_text;
  const std::string port = std::to_string(port_of(url));
  // Started like a server: if it wrongly listens, it prints a URL and is killed in TearDown.
  std::string second_url;
  Child& second = start({"--port", port}, &second_url);
  EXPECT_THAT(second_url, IsEmpty()) << "a second mockwiki listens on the taken port " << port;
  if (second_url.empty()) {
    finish(second);
    EXPECT_EQ(exit_code(second), 1);
    EXPECT_THAT(second.stderr_text, StartsWith("mockwiki: cannot listen on 127.0.0.1:" + port));
    EXPECT_THAT(second.stdout_text, IsEmpty());
  }
  // The first is still serving.
  ApiClient client(url);
  EXPECT_EQ(client.get(kUserinfo).status, 200);
}

// ---- The request log and the admin API's switches ----------------------------------------

// GET path on the server of `url` (an api.php URL), with an optional admin token.
httplib::Result admin_get(const std::string& url, const std::string& path, const std::string& token = {}) {
  httplib::Client http(url.substr(0, url.rfind("/api.php")));
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return http.Get(path.c_str(), headers);
}

TEST_F(MockwikiCliTest, EachRequestIsOneLineOnStderr) {
  std::string url;
  Child& child = start({"--port", "0"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  ApiClient client(url);
  client.get(kUserinfo);
  client.get({{"action", "nosuchaction"}, {"format", "json"}});
  ASSERT_EQ(stop_with(child, SIGTERM), 0);
  // (A request may be logged before or after the start-up line: both go to stderr.)
  EXPECT_THAT(child.stderr_text, ContainsRegex("GET query meta=userinfo 200 [0-9.]+ms\n"));
  EXPECT_THAT(child.stderr_text, ContainsRegex("GET nosuchaction error=badvalue 200 [0-9.]+ms\n"));
}

TEST_F(MockwikiCliTest, QuietLogsNoRequests) {
  std::string url;
  Child& child = start({"--port", "0", "--quiet"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  ApiClient(url).get(kUserinfo);
  ASSERT_EQ(stop_with(child, SIGTERM), 0);
  EXPECT_THAT(child.stderr_text, Not(HasSubstr("GET query")));
}

TEST_F(MockwikiCliTest, TheJsonLogFormatIsTheJournalEntry) {
  std::string url;
  Child& child = start({"--port", "0", "--log-format", "json"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  ApiClient(url).get(kUserinfo);
  ASSERT_EQ(stop_with(child, SIGTERM), 0);
  // The JSON line, before or after the start-up line.
  const std::size_t start_of_line = child.stderr_text.find("{\"seq\"");
  ASSERT_NE(start_of_line, std::string::npos) << child.stderr_text;
  const std::string line =
      child.stderr_text.substr(start_of_line, child.stderr_text.find('\n', start_of_line) - start_of_line);
  const Json entry = Json::parse(line);
  EXPECT_EQ(entry["seq"], 1);
  EXPECT_EQ(entry["method"], "GET");
  EXPECT_EQ(entry["action"], "query");
  EXPECT_EQ(entry["params"]["meta"], "userinfo");
  EXPECT_EQ(entry["status"], 200);
}

TEST_F(MockwikiCliTest, ABadLogFormatExitsTwo) {
  Child child = run({"--log-format", "xml"});
  EXPECT_EQ(exit_code(child), 2);
  EXPECT_THAT(child.stderr_text, HasSubstr("--log-format is text or json"));
}

TEST_F(MockwikiCliTest, TheAdminApiAnswersOnALoopbackBind) {
  std::string url;
  Child& child = start({"--port", "0", "--quiet"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  auto reply = admin_get(url, "/__mockwiki/clock");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(Json::parse(reply->body).contains("now"));
}

TEST_F(MockwikiCliTest, NoAdminTurnsTheAdminApiOff) {
  std::string url;
  Child& child = start({"--port", "0", "--quiet", "--no-admin"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  auto reply = admin_get(url, "/__mockwiki/clock");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
}

TEST_F(MockwikiCliTest, AnAdminTokenIsRequiredOnceGiven) {
  std::string url;
  Child& child = start({"--port", "0", "--quiet", "--admin-token", "s3cret"}, &url);
  ASSERT_FALSE(url.empty()) << child.stderr_text;
  auto without = admin_get(url, "/__mockwiki/clock");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 401);
  auto wrong = admin_get(url, "/__mockwiki/clock", "guess");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto with = admin_get(url, "/__mockwiki/clock", "s3cret");
  ASSERT_TRUE(with);
  EXPECT_EQ(with->status, 200);
}

TEST_F(MockwikiCliTest, AnEmptyAdminTokenExitsTwo) {
  Child child = run({"--admin-token="});
  EXPECT_EQ(exit_code(child), 2);
  EXPECT_THAT(child.stderr_text, HasSubstr("--admin-token needs a token"));
}

}  // namespace
}  // namespace mockwiki::testing
