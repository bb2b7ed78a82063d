// Memory per live session: logs in many sessions through ApiMain (no HTTP) and reports the
// growth of the process's resident memory divided by the number of sessions.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "api/api_main.h"
#include "wiki.h"

namespace {

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

mockwiki::http::Request request(std::string method, std::string query, std::string body = {}, std::string cookie = {}) {
  mockwiki::http::Request r;
  r.method = std::move(method);
  r.path = "/api.php";
  r.query_string = std::move(query);
  r.body = std::move(body);
  r.remote_addr = "127.0.0.1";
  if (!r.body.empty()) r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  if (!cookie.empty()) r.headers.emplace_back("Cookie", std::move(cookie));
  return r;
}

std::string cookie_of(const mockwiki::http::Response& response) {
  std::string cookies;
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie") cookies += (cookies.empty() ? "" : "; ") + value.substr(0, value.find(';'));
  }
  return cookies;
}

// Each iteration: a login token (one anonymous session) and a bot-password login (a second,
// bot-password session), both kept live in the store.
void BM_MemoryPerLiveSession(benchmark::State& state) {
  mockwiki::Clock clock;
  mockwiki::WikiConfig config;
  config.server = "http://127.0.0.1:1";
  mockwiki::Wiki wiki(mockwiki::Fixture::defaults(), config, clock);
  mockwiki::api::ApiMain api(wiki);
  malloc_trim(0);
  const long before = resident_kib();
  std::size_t sessions = 0;
  for (auto _ : state) {
    auto token_reply = api.handle(request("GET", "action=query&meta=tokens&type=login&format=json"));
    const std::string cookie = cookie_of(token_reply);
    const std::string token = nlohmann::json::parse(token_reply.body)["query"]["tokens"]["logintoken"];
    std::string escaped_token;
    for (char c : token) escaped_token += c == '+' ? "%2B" : c == '\\' ? "%5C" : std::string(1, c);
    api.handle(
        request("POST", "",
                "action=login&format=json&lgname=Robo%40mybot&lgpassword=k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9&lgtoken=" +
                    escaped_token,
                cookie));
  }
  sessions = wiki.sessions().size();
  const long after = resident_kib();
  state.counters["sessions"] = static_cast<double>(sessions);
  state.counters["bytes_per_session"] = sessions ? (after - before) * 1024.0 / static_cast<double>(sessions) : 0;
}
BENCHMARK(BM_MemoryPerLiveSession)->Iterations(50000)->Unit(benchmark::kMillisecond);

}  // namespace
