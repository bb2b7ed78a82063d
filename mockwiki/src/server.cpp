// The transport: cpp-httplib in front of ApiMain. This is the only file that includes httplib.h.
#include "mockwiki/server.h"

#include <httplib.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "api/api_main.h"
#include "http/http.h"
#include "util/text.h"
#include "wiki.h"

namespace mockwiki {
namespace {

constexpr std::size_t kMaxRequestBody = 8 * 1024 * 1024;  // PHP's post_max_size

// A URL host for an address: wildcards become loopback, IPv6 gets brackets.
std::string url_host(const std::string& bind) {
  if (bind == "0.0.0.0" || bind.empty()) return "127.0.0.1";
  if (bind == "::" || bind == "[::]") return "[::1]";
  if (bind.find(':') != std::string::npos && bind.front() != '[') return "[" + bind + "]";
  return bind;
}

http::Request to_api_request(const httplib::Request& req) {
  http::Request out;
  out.method = req.method;
  out.path = req.path;
  if (auto q = req.target.find('?'); q != std::string::npos) out.query_string = req.target.substr(q + 1);
  std::string cookies;
  for (const auto& [name, value] : req.headers) {
    if (util::equals_ignore_case(name, "Cookie")) {
      cookies += (cookies.empty() ? "" : "; ") + value;
    } else {
      out.headers.emplace_back(name, value);
    }
  }
  if (!cookies.empty()) out.headers.emplace_back("Cookie", std::move(cookies));
  out.body = req.body;
  for (const auto& [name, field] : req.files) {
    if (field.filename.empty()) out.form_fields.emplace_back(name, field.content);
  }
  out.remote_addr = req.remote_addr;
  return out;
}

void to_httplib_response(http::Response&& response, httplib::Response& res) {
  res.status = response.status;
  for (auto& [name, value] : response.headers) res.headers.emplace(std::move(name), std::move(value));
  res.set_content(std::move(response.body), response.content_type.c_str());
}

}  // namespace

WikiConfig config_for(const MockWiki::Options& options) {
  WikiConfig config;
  config.wiki_id = options.wiki_id;
  config.sitename = options.sitename;
  return config;
}

struct MockWiki::Impl {
  explicit Impl(Options opts)
      : options(std::move(opts)),
        wiki(std::move(options.fixture), config_for(options), clock),
        api(wiki) {}

  Options options;
  Clock clock;
  Wiki wiki;
  api::ApiMain api;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<bool> stopped{false};
  std::atomic<bool> listen_returned{false};
};

MockWiki::MockWiki() : MockWiki(Options{}) {}

MockWiki::MockWiki(Options options) {
  for (char c : options.wiki_id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) {
      throw std::invalid_argument("wiki id \"" + options.wiki_id + "\" may hold only letters, digits, '_' and '-'");
    }
  }
  if (options.wiki_id.empty()) throw std::invalid_argument("the wiki id must not be empty");
  impl_ = std::make_unique<Impl>(std::move(options));
  Impl& impl = *impl_;
  httplib::Server& server = impl.server;

  const std::size_t threads = impl.options.threads ? impl.options.threads : 1;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to keep-alive replies.
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(impl.options.keep_alive_seconds);
  server.set_payload_max_length(kMaxRequestBody);

  auto handler = [&impl](const httplib::Request& req, httplib::Response& res) {
    to_httplib_response(impl.api.handle(to_api_request(req)), res);
  };
  const std::string api_path = "/api.php";
  // cpp-httplib answers a PUT or POST without Content-Length with its own 400 before any
  // handler runs; MediaWiki would answer it (PHP reads no body then), so take such requests
  // here, where nothing has been read past the headers.
  server.set_pre_routing_handler([&impl, api_path](const httplib::Request& req, httplib::Response& res) {
    if (req.path != api_path || req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    to_httplib_response(impl.api.handle(to_api_request(req)), res);
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get(api_path, handler);
  server.Post(api_path, handler);
  server.Put(api_path, handler);
  server.Patch(api_path, handler);
  server.Delete(api_path, handler);
  server.Options(api_path, handler);
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string text = res.status == 404 ? "Not Found: mockwiki answers at /api.php\n"
                                               : "HTTP " + std::to_string(res.status) + "\n";
    res.set_content(text, "text/plain; charset=utf-8");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content("mockwiki: internal error\n", "text/plain; charset=utf-8");
  });

  const std::string& bind = impl.options.bind;
  if (impl.options.port == 0) {
    impl.port = server.bind_to_any_port(bind);
    if (impl.port < 0) impl.port = 0;
  } else {
    impl.port = server.bind_to_port(bind, impl.options.port) ? impl.options.port : 0;
  }
  if (impl.port <= 0) {
    throw std::runtime_error("cannot listen on " + bind + ":" + std::to_string(impl.options.port) +
                             " (address in use, or not an address of this machine?)");
  }
  impl.wiki.set_server("http://" + url_host(bind) + ":" + std::to_string(impl.port));
  // The socket already listens: connections queue until the accept loop runs.
  impl.thread = std::thread([&impl] {
    impl.server.listen_after_bind();
    impl.listen_returned = true;
  });
}

MockWiki::~MockWiki() { stop(); }

void MockWiki::stop() {
  if (!impl_ || impl_->stopped.exchange(true)) return;
  // Server::stop() does nothing until the accept loop runs, so wait for it to start.
  while (!impl_->server.is_running() && !impl_->listen_returned) std::this_thread::yield();
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string MockWiki::api_url() const { return impl_->wiki.api_url(); }
std::string MockWiki::server_url() const { return impl_->wiki.config().server; }
int MockWiki::port() const { return impl_->port; }
const std::string& MockWiki::wiki_id() const { return impl_->wiki.config().wiki_id; }
Clock& MockWiki::clock() { return impl_->clock; }
void MockWiki::reset() { impl_->wiki.reset(); }

}  // namespace mockwiki
