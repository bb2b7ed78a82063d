// The transport: cpp-httplib in front of ApiMain. This is the only file that includes httplib.h.
#include "mockwiki/server.h"

#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "api/api_main.h"
#include "auth/user_name.h"
#include "http/http.h"
#include "util/text.h"
#include "web/web_pages.h"
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
  out.remote_addr = req.remote_addr;
  return out;
}

void to_httplib_response(http::Response&& response, httplib::Response& res) {
  res.status = response.status;
  for (auto& [name, value] : response.headers) res.headers.emplace(std::move(name), std::move(value));
  res.set_content(std::move(response.body), response.content_type.c_str());
}

// cpp-httplib 0.11 cannot end the connections it serves: a worker waiting on an idle
// keep-alive connection, or on a client that sent half a request, would hold stop() (and so
// the destructor and SIGTERM) for up to the keep-alive or read timeout. So stop() shuts down
// this server's connected sockets, those whose local port is ours, which wakes their workers.
void shut_down_connections(int port) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return;
  while (const dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (*end != '\0' || fd == dirfd(dir)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_length = sizeof local, peer_length = sizeof peer;
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &local_length) != 0) continue;
    int local_port = -1;
    if (local.ss_family == AF_INET) local_port = ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
    if (local.ss_family == AF_INET6) local_port = ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port);
    if (local_port != port) continue;
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) continue;
    shutdown(static_cast<int>(fd), SHUT_RDWR);
  }
  closedir(dir);
}

WikiConfig config_for(const MockWiki::Options& options) {
  WikiConfig config;
  config.wiki_id = options.wiki_id;
  config.sitename = options.sitename;
  return config;
}

}  // namespace

struct MockWiki::Impl {
  explicit Impl(Options opts)
      : options(std::move(opts)), wiki(std::move(options.fixture), config_for(options), clock), api(wiki), web(wiki) {}

  Options options;
  Clock clock;
  Wiki wiki;
  api::ApiMain api;
  web::WebPages web;
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
  // Bodies are read through a content reader: cpp-httplib's own reading refuses form bodies
  // over 8 KiB (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH), where PHP takes up to
  // post_max_size (set_payload_max_length below).
  auto body_handler = [&impl](const httplib::Request& req, httplib::Response& res,
                              const httplib::ContentReader& content_reader) {
    http::Request request = to_api_request(req);
    // A body over the payload limit stops the reader; PHP drops such a body entirely.
    bool complete = true;
    if (req.is_multipart_form_data()) {
      std::vector<httplib::MultipartFormData> parts;
      complete = content_reader(
          [&](const httplib::MultipartFormData& part) {
            parts.push_back(part);
            return true;
          },
          [&](const char* data, std::size_t length) {
            parts.back().content.append(data, length);
            return true;
          });
      for (auto& part : parts) {
        if (part.filename.empty()) request.form_fields.emplace_back(part.name, std::move(part.content));
      }
    } else {
      complete = content_reader([&](const char* data, std::size_t length) {
        request.body.append(data, length);
        return true;
      });
    }
    if (!complete) {
      request.body.clear();
      request.form_fields.clear();
    }
    to_httplib_response(impl.api.handle(request), res);
  };
  const std::string api_path = "/api.php";
  // cpp-httplib answers a PUT or POST without Content-Length with its own 400 before any
  // handler runs; MediaWiki would answer it (PHP reads no body then), so take such requests
  // here, where nothing has been read past the headers.
  // The same for TRACE and CONNECT, which cpp-httplib parses but has no handlers for.
  server.set_pre_routing_handler([&impl, api_path](const httplib::Request& req, httplib::Response& res) {
    const bool no_body = (!req.has_header("Content-Length") || req.get_header_value("Content-Length") == "0") &&
                         !req.has_header("Transfer-Encoding");
    const bool no_handler = req.method == "TRACE" || req.method == "CONNECT";
    if (req.path != api_path || !no_body || (req.has_header("Content-Length") && !no_handler)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    to_httplib_response(impl.api.handle(to_api_request(req)), res);
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get(api_path, handler);
  server.Post(api_path, body_handler);
  server.Put(api_path, body_handler);
  server.Patch(api_path, body_handler);
  server.Delete(api_path, body_handler);
  server.Options(api_path, handler);
  // The pages login flows redirect a browser to (Special:PluggableAuthLogin, the fake identity
  // provider, the scripted redirect page).
  auto page_handler = [&impl](const httplib::Request& req, httplib::Response& res) {
    http::Request request = to_api_request(req);
    request.body = req.body;
    to_httplib_response(impl.web.handle(request), res);
  };
  for (const char* pattern : {R"(/index\.php(/.*)?)", R"(/oidc/.*)"}) {
    server.Get(pattern, page_handler);
    server.Post(pattern, page_handler);
  }
  // SO_REUSEADDR only: cpp-httplib's default also sets SO_REUSEPORT, which would let a second
  // server bind a port that is in use and take half of its connections.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string text =
        res.status == 404 ? "Not Found: mockwiki answers at /api.php\n" : "HTTP " + std::to_string(res.status) + "\n";
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
  shut_down_connections(impl_->port);
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string MockWiki::api_url() const { return impl_->wiki.api_url(); }
std::string MockWiki::server_url() const { return impl_->wiki.config().server; }
int MockWiki::port() const { return impl_->port; }
const std::string& MockWiki::wiki_id() const { return impl_->wiki.config().wiki_id; }
Clock& MockWiki::clock() { return impl_->clock; }
void MockWiki::reset() { impl_->wiki.reset(); }

void MockWiki::set_flow(const std::string& account, std::vector<FlowStep> steps) {
  if (!steps.empty()) {
    if (auto error = flow_error(steps); !error.empty()) throw std::invalid_argument(error);
  }
  auto name = auth::canonical_user_name(account);
  AccountPtr existing = name ? impl_->wiki.accounts().by_name(*name) : nullptr;
  if (!existing) throw std::invalid_argument("no account \"" + account + "\"");
  impl_->wiki.accounts().modify(existing->id, [&](Account& a) { a.flow = std::move(steps); });
}

}  // namespace mockwiki
