// How fast the mock answers: in-process start-up, and complete login flows per second over
// HTTP (login token, action=login, userinfo) against the same three round trips to a bare
// cpp-httplib server that answers a fixed JSON body, the limit for any server on this stack.
// Also one request through ApiMain without HTTP, the mock's own cost per request.
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "api/api_main.h"
#include "mockwiki/server.h"
#include "wiki.h"

namespace {

constexpr const char* kBot = "Robo@mybot";
constexpr const char* kBotPass = "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9";

std::string encode(const std::string& s) { return httplib::detail::encode_query_param(s); }

// The cookie values of a reply's Set-Cookie lines, joined as a Cookie header.
void keep_cookies(const httplib::Result& r, std::string& cookies) {
  for (const auto& [name, value] : r->headers) {
    if (name != "Set-Cookie") continue;
    const std::string pair = value.substr(0, value.find(';'));
    cookies += (cookies.empty() ? "" : "; ") + pair;
  }
}

// One complete bot-password login flow on a keep-alive connection; false if it did not succeed.
bool login_flow(httplib::Client& client) {
  std::string cookies;
  auto token_reply = client.Get("/api.php?action=query&meta=tokens&type=login&format=json");
  if (!token_reply || token_reply->status != 200) return false;
  keep_cookies(token_reply, cookies);
  const std::string token = nlohmann::json::parse(token_reply->body)["query"]["tokens"]["logintoken"];
  const std::string body =
      "action=login&format=json&lgname=" + encode(kBot) + "&lgpassword=" + kBotPass + "&lgtoken=" + encode(token);
  auto login_reply = client.Post("/api.php", {{"Cookie", cookies}}, body, "application/x-www-form-urlencoded");
  if (!login_reply || login_reply->body.find("\"Success\"") == std::string::npos) return false;
  keep_cookies(login_reply, cookies);
  auto info = client.Get("/api.php?action=query&meta=userinfo&format=json", {{"Cookie", cookies}});
  return info && info->body.find("\"Robo\"") != std::string::npos;
}

void configure(httplib::Client& client) {
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
}

mockwiki::MockWiki& shared_wiki() {
  static mockwiki::MockWiki wiki([] {
    mockwiki::MockWiki::Options options;
    options.threads = 16;
    return options;
  }());
  return wiki;
}

void BM_StartInProcessAndStop(benchmark::State& state) {
  for (auto _ : state) {
    mockwiki::MockWiki wiki;
    benchmark::DoNotOptimize(wiki.port());
  }
}
BENCHMARK(BM_StartInProcessAndStop)->Unit(benchmark::kMicrosecond);

void BM_StartInProcessToFirstAnswer(benchmark::State& state) {
  for (auto _ : state) {
    mockwiki::MockWiki wiki;
    httplib::Client client("127.0.0.1", wiki.port());
    auto r = client.Get("/api.php?action=query&meta=userinfo&format=json");
    if (!r || r->status != 200) state.SkipWithError("no answer");
  }
}
BENCHMARK(BM_StartInProcessToFirstAnswer)->Unit(benchmark::kMicrosecond);

void BM_LoginFlowMock(benchmark::State& state) {
  httplib::Client client("127.0.0.1", shared_wiki().port());
  configure(client);
  for (auto _ : state) {
    if (!login_flow(client)) state.SkipWithError("login flow failed");
  }
  state.SetItemsProcessed(state.iterations());  // items = complete login flows
}
BENCHMARK(BM_LoginFlowMock)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

// The limit: the same three round trips to a cpp-httplib server that does no work.
void BM_LoginFlowBareHttplib(benchmark::State& state) {
  static httplib::Server server;
  static int port = [] {
    server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000);
    auto answer = [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          R"({"batchcomplete":"","query":{"tokens":{"logintoken":"0123456789abcdef0123456789abcdef6b062700+\\"}}})",
          "application/json");
    };
    server.Get("/api.php", answer);
    server.Post("/api.php", answer);
    int p = server.bind_to_any_port("127.0.0.1");
    std::thread([] { server.listen_after_bind(); }).detach();
    return p;
  }();
  httplib::Client client("127.0.0.1", port);
  configure(client);
  for (auto _ : state) {
    auto a = client.Get("/api.php?action=query&meta=tokens&type=login&format=json");
    auto b = client.Post("/api.php", "action=login&lgname=x", "application/x-www-form-urlencoded");
    auto c = client.Get("/api.php?action=query&meta=userinfo&format=json");
    if (!a || !b || !c) state.SkipWithError("request failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LoginFlowBareHttplib)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

// One api.php request through the pipeline without the transport.
void BM_ApiMainUserInfo(benchmark::State& state) {
  mockwiki::Clock clock;
  mockwiki::WikiConfig config;
  config.server = "http://127.0.0.1:1";
  mockwiki::Wiki wiki(mockwiki::Fixture::defaults(), config, clock);
  mockwiki::api::ApiMain api(wiki);
  mockwiki::http::Request request;
  request.method = "GET";
  request.path = "/api.php";
  request.query_string = "action=query&meta=userinfo&uiprop=groups%7Crights&format=json";
  request.remote_addr = "127.0.0.1";
  for (auto _ : state) benchmark::DoNotOptimize(api.handle(request));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ApiMainUserInfo);

}  // namespace
