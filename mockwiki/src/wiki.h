// The mock wiki's state, owned in one place: configuration, accounts, sessions, throttles and
// the clock. One Wiki serves any number of concurrent requests; each part guards itself.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "accounts.h"
#include "auth/permissions.h"
#include "auth/rate_limiter.h"
#include "auth/throttler.h"
#include "control/faults.h"
#include "control/journal.h"
#include "mockwiki/clock.h"
#include "mockwiki/fixture.h"
#include "object_cache.h"
#include "session/session_manager.h"
#include "session/session_store.h"
#include "sso/openid_connect_store.h"

namespace mockwiki {

namespace auth {
struct AuthProviders;
}

struct WikiConfig {
  std::string wiki_id = "mockwiki";  // $wgDBname: the cookie prefix
  // $wgSitename (also the Project namespace's name): the reference wiki's, like the accounts.
  std::string sitename = "RefWiki";
  std::string server;                 // $wgServer, e.g. "http://127.0.0.1:8080"
  std::string script_path;            // $wgScriptPath: api.php is at <server><script_path>/api.php
  bool enable_bot_passwords = true;   // $wgEnableBotPasswords
  bool show_hostnames = false;        // $wgShowHostnames
  int database_lag = -1;              // what a single-server wiki reports to maxlag (§8)
  std::string hostname = "mockwiki";  // wfHostname() for servedby
};

class Wiki {
 public:
  Wiki(Fixture fixture, WikiConfig config, Clock& clock);
  ~Wiki();

  const WikiConfig& config() const { return config_; }
  // The server is known once the transport has bound its port.
  void set_server(std::string server) { config_.server = std::move(server); }
  std::string api_url() const { return config_.server + config_.script_path + "/api.php"; }
  const auth::RightsConfig& rights_config() const { return rights_; }
  const Fixture& fixture() const { return fixture_; }
  bool has_extension(std::string_view name) const { return fixture_.has_extension(name); }

  Clock& clock() { return clock_; }
  std::int64_t now() const { return clock_.now(); }
  AccountStore& accounts() { return accounts_; }
  session::SessionStore& sessions() { return sessions_; }
  session::SessionManager& session_manager() { return session_manager_; }
  auth::ThrottleStore& throttles() { return throttles_; }
  // pingLimiter's counters ($wgRateLimits: badoath, badcaptcha).
  auth::RateLimiter& rate_limiter() { return rate_limiter_; }
  // The object cache and main stash (ConfirmEdit's bad-login counters, spent TOTP windows).
  ObjectCache& object_cache() { return object_cache_; }
  // Identity links and authorization codes of single sign-on (PluggableAuth, OpenIDConnect).
  sso::OpenIdConnectStore& openid_connect() { return openid_connect_; }
  // The id of a new block (ipb_id): 1, 2, ...
  int next_block_id() { return ++last_block_id_; }
  // Injected faults and the journal of requests (mockwiki/control.h).
  control::FaultList& faults() { return faults_; }
  control::Journal& journal() { return journal_; }
  // The authentication providers the fixture's extensions configure.
  const auth::AuthProviders& auth_providers() const { return *auth_providers_; }

  // Back to the fixture: accounts reloaded, every session, throttle, fault and journal entry
  // forgotten.
  void reset();

 private:
  Fixture fixture_;
  WikiConfig config_;
  auth::RightsConfig rights_;
  Clock& clock_;
  AccountStore accounts_;
  session::SessionStore sessions_;
  session::SessionManager session_manager_;
  auth::ThrottleStore throttles_;
  auth::RateLimiter rate_limiter_;
  ObjectCache object_cache_;
  sso::OpenIdConnectStore openid_connect_;
  control::FaultList faults_;
  control::Journal journal_;
  std::atomic<int> last_block_id_{0};
  std::unique_ptr<auth::AuthProviders> auth_providers_;
};

}  // namespace mockwiki
