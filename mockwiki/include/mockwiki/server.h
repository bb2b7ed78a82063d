// mockwiki/server.h: a mock MediaWiki 1.39 api.php, running in your process.
//
//   #include <mockwiki/server.h>
//
//   mockwiki::MockWiki wiki;                    // listens on 127.0.0.1, any free port
//   std::string api = wiki.api_url();           // "http://127.0.0.1:41234/api.php"
//   ... point the client under test at `api` ...
//   wiki.clock().advance(std::chrono::hours(1)); // sessions expire without sleeping
//
// The constructor starts serving (the port is bound before it returns, so clients can connect
// at once) and the destructor stops. Several can run in one process; each has its own
// accounts, sessions, throttles and clock. All members are thread-safe.
//
// The accounts are those of mockwiki/fixtures/default.json unless Options::fixture says
// otherwise (see mockwiki/fixture.h).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "mockwiki/clock.h"
#include "mockwiki/control.h"
#include "mockwiki/fixture.h"
#include "mockwiki/flow.h"

namespace mockwiki {

class MockWiki {
 public:
  struct Options {
    std::string bind = "127.0.0.1";    // "0.0.0.0" or "::" for every interface
    int port = 0;                      // 0: any free port
    std::string wiki_id = "mockwiki";  // $wgDBname: cookie names start with it
    std::string sitename = "RefWiki";  // $wgSitename, as the reference wiki's
    Fixture fixture = Fixture::defaults();
    std::size_t threads = 8;     // connections served at once (one each while kept alive)
    int keep_alive_seconds = 5;  // how long an idle keep-alive connection is kept
    // The admin HTTP API under /__mockwiki/ (README). It answers only when the bind is a
    // loopback address or an admin token is set; with a token, only requests that carry it
    // ("Authorization: Bearer TOKEN").
    bool admin_api = true;
    std::string admin_token;
    // Called after each api.php request with its journal entry (the standalone server logs it).
    // From the serving threads, possibly at once: it must be thread-safe.
    std::function<void(const JournalEntry&)> on_request;
  };

  MockWiki();
  explicit MockWiki(Options options);
  ~MockWiki();
  MockWiki(const MockWiki&) = delete;
  MockWiki& operator=(const MockWiki&) = delete;

  // "http://127.0.0.1:PORT/api.php"; a wildcard bind is reported as its loopback address.
  std::string api_url() const;
  // "http://127.0.0.1:PORT", MediaWiki's $wgServer.
  std::string server_url() const;
  int port() const;
  const std::string& wiki_id() const;

  // The clock every expiry, throttle and token timestamp reads.
  Clock& clock();
  // Back to the fixture: accounts as loaded, no sessions, throttles, faults or journal. The
  // clock is kept.
  void reset();

  // Accounts (mockwiki/control.h). Bad input (an unknown account or group, a taken name, a bot
  // password or secret of the wrong form) throws std::invalid_argument naming the problem.
  std::vector<AccountInfo> accounts() const;
  AccountInfo add_account(const AccountSpec& spec);
  AccountInfo change_account(const std::string& name, const AccountChange& change);
  void remove_account(const std::string& name);  // its sessions end with it

  // Live sessions. Ending one is what a client sees when its session dies on the server: its
  // next request has no session (a Token cookie still brings a remembered user back, as on
  // MediaWiki).
  std::vector<SessionInfo> sessions() const;
  bool expire_session(const std::string& id);       // false: no such live session
  int expire_sessions_of(const std::string& user);  // how many ended
  int expire_all_sessions();

  // Injected faults (FaultSpec in mockwiki/control.h); add_fault throws std::invalid_argument
  // for an unknown fault name.
  void add_fault(FaultSpec fault);
  std::vector<FaultSpec> faults() const;  // pending, with their remaining counts
  void clear_faults();

  // Every api.php request so far, in order (the last 20,000: about 10 MB at most).
  std::vector<JournalEntry> journal() const;
  void clear_journal();

  // Scripts the logins of an account (mockwiki/flow.h); no steps: logins pass at once again.
  // Logins already under way go on with the new steps. Throws std::invalid_argument for an
  // unknown account or steps that make no flow. reset() restores the fixture's flows.
  void set_flow(const std::string& account, std::vector<FlowStep> steps);

  // Stops serving; the destructor does it too. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mockwiki
