// The transport: cpp-httplib in front of ApiMain. This is the only file that includes httplib.h.
#include "mockwiki/server.h"

#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>

#include "api/api_main.h"
#include "auth/user_name.h"
#include "control/admin_api.h"
#include "control/control_plane.h"
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

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
  return -1;
}

// Shuts down this server's connected sockets: those whose local port is `port` (and, unless
// `peer_port` is -1, whose peer's port is `peer_port`). cpp-httplib 0.11 gives handlers no
// socket and cannot end the connections it serves, so they are found in /proc/self/fd.
// `reset`: with SO_LINGER 0, so that the connection ends with a reset.
void shut_down_connections(int port, int peer_port = -1, bool reset = false) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return;
  while (const dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (*end != '\0' || fd == dirfd(dir)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_length = sizeof local, peer_length = sizeof peer;
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &local_length) != 0) continue;
    if (port_of(local) != port) continue;
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) continue;
    if (peer_port != -1 && port_of(peer) != peer_port) continue;
    if (reset) {
      linger abort_on_close{1, 0};
      setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    }
    shutdown(static_cast<int>(fd), SHUT_RDWR);
  }
  closedir(dir);
}

// The "truncated" fault: the answer's headers promise the whole body; half of it comes, then
// the connection ends.
void send_truncated(http::Response&& response, httplib::Response& res) {
  res.status = response.status;
  for (auto& [name, value] : response.headers) res.headers.emplace(std::move(name), std::move(value));
  auto body = std::make_shared<std::string>(std::move(response.body));
  const std::size_t half = body->size() / 2;
  res.set_content_provider(body->size(), response.content_type.c_str(),
                           [body, half](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             if (offset >= half) return false;  // abort: the client gets no more
                             sink.write(body->data() + offset, std::min(length, half - offset));
                             return true;
                           });
}

bool is_loopback(const std::string& bind) {
  return bind == "127.0.0.1" || bind == "localhost" || bind == "::1" || bind == "[::1]" || bind.starts_with("127.");
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
      : options(std::move(opts)),
        wiki(std::move(options.fixture), config_for(options), clock),
        api(wiki),
        web(wiki),
        control(wiki),
        admin(wiki, control, options.admin_token) {}

  // One api.php request: ApiMain, then the transport's faults, the journal and the observer.
  void serve_api(const http::Request& request, const httplib::Request& req, httplib::Response& res);

  Options options;
  Clock clock;
  Wiki wiki;
  api::ApiMain api;
  web::WebPages web;
  control::ControlPlane control;
  control::AdminApi admin;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<bool> stopped{false};
  std::atomic<bool> listen_returned{false};
};

void MockWiki::Impl::serve_api(const http::Request& request, const httplib::Request& req, httplib::Response& res) {
  const auto started = std::chrono::steady_clock::now();
  api::RequestSummary summary;
  http::Response response = api.handle(request, &summary);

  JournalEntry entry;
  entry.time = wiki.now();
  entry.method = request.method;
  entry.path = request.path;
  entry.action = std::move(summary.action);
  entry.params = std::move(summary.params);
  entry.session = std::move(summary.session);
  entry.user = std::move(summary.user);
  entry.status = response.status;
  entry.result = std::move(summary.result);
  for (const auto& [name, value] : response.headers) {
    if (name == "MediaWiki-API-Error") entry.error = value;
  }
  const std::string fault = summary.fault ? summary.fault->fault : "";
  entry.fault = fault;
  if (fault == "delay") std::this_thread::sleep_for(std::chrono::milliseconds(summary.fault->delay_ms));
  if (fault == "reset") {
    entry.status = 0;
    // The "reset" fault: this client's connection ends without an answer.
    shut_down_connections(port, req.remote_port, /*reset=*/true);
    res.status = 500;  // never arrives
  } else if (fault == "truncated") {
    send_truncated(std::move(response), res);
  } else {
    to_httplib_response(std::move(response), res);
  }
  entry.latency_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  entry.seq = wiki.journal().add(entry);
  if (options.on_request) options.on_request(entry);
}

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
    impl.serve_api(to_api_request(req), req, res);
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
    impl.serve_api(request, req, res);
  };
  const std::string api_path = "/api.php";
  // cpp-httplib answers a PUT or POST without Content-Length with its own 400 before any
  // handler runs; MediaWiki would answer it (PHP reads no body then), so take such requests
  // here, where nothing has been read past the headers.
  // The same for TRACE and CONNECT, which cpp-httplib parses but has no handlers for.
  // The admin API (control/admin_api.h), when this mock offers it.
  const bool admin = impl.options.admin_api && (is_loopback(impl.options.bind) || !impl.options.admin_token.empty());
  server.set_pre_routing_handler([&impl, api_path, admin](const httplib::Request& req, httplib::Response& res) {
    const bool no_body = (!req.has_header("Content-Length") || req.get_header_value("Content-Length") == "0") &&
                         !req.has_header("Transfer-Encoding");
    if (admin && control::AdminApi::serves(req.path) && no_body) {
      to_httplib_response(impl.admin.handle(to_api_request(req)), res);
      return httplib::Server::HandlerResponse::Handled;
    }
    const bool no_handler = req.method == "TRACE" || req.method == "CONNECT";
    if (req.path != api_path || !no_body || (req.has_header("Content-Length") && !no_handler)) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    impl.serve_api(to_api_request(req), req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  if (admin) {
    auto admin_handler = [&impl](const httplib::Request& req, httplib::Response& res) {
      http::Request request = to_api_request(req);
      request.body = req.body;
      to_httplib_response(impl.admin.handle(request), res);
    };
    const std::string pattern = std::string(control::kAdminPrefix) + "(/.*)?";
    server.Get(pattern, admin_handler);
    server.Post(pattern, admin_handler);
    server.Patch(pattern, admin_handler);
    server.Put(pattern, admin_handler);
    server.Delete(pattern, admin_handler);
  }
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
  // Workers waiting on idle keep-alive connections, or on a client that sent half a request,
  // would otherwise hold stop() (and so the destructor and SIGTERM) for up to the keep-alive
  // or read timeout.
  shut_down_connections(impl_->port);
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string MockWiki::api_url() const { return impl_->wiki.api_url(); }
std::string MockWiki::server_url() const { return impl_->wiki.config().server; }
int MockWiki::port() const { return impl_->port; }
const std::string& MockWiki::wiki_id() const { return impl_->wiki.config().wiki_id; }
Clock& MockWiki::clock() { return impl_->clock; }
void MockWiki::reset() { impl_->wiki.reset(); }

std::vector<AccountInfo> MockWiki::accounts() const { return impl_->control.accounts(); }
AccountInfo MockWiki::add_account(const AccountSpec& spec) { return impl_->control.add_account(spec); }
AccountInfo MockWiki::change_account(const std::string& name, const AccountChange& change) {
  return impl_->control.change_account(name, change);
}
void MockWiki::remove_account(const std::string& name) { impl_->control.remove_account(name); }
std::vector<SessionInfo> MockWiki::sessions() const { return impl_->control.sessions(); }
bool MockWiki::expire_session(const std::string& id) { return impl_->control.expire_session(id); }
int MockWiki::expire_sessions_of(const std::string& user) { return impl_->control.expire_sessions_of(user); }
int MockWiki::expire_all_sessions() { return impl_->control.expire_all_sessions(); }
void MockWiki::add_fault(FaultSpec fault) { impl_->control.add_fault(std::move(fault)); }
std::vector<FaultSpec> MockWiki::faults() const { return impl_->wiki.faults().pending(); }
void MockWiki::clear_faults() { impl_->wiki.faults().clear(); }
std::vector<JournalEntry> MockWiki::journal() const { return impl_->wiki.journal().entries(); }
void MockWiki::clear_journal() { impl_->wiki.journal().clear(); }

const std::string* JournalEntry::param(const std::string& name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return &value;
  }
  return nullptr;
}

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
