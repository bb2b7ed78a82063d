#include "wiki.h"

#include "auth/providers/configure.h"

namespace mockwiki {

Wiki::Wiki(Fixture fixture, WikiConfig config, Clock& clock)
    : fixture_(std::move(fixture)),
      config_(std::move(config)),
      clock_(clock),
      session_manager_(sessions_, accounts_, config_.wiki_id) {
  rights_ = auth::rights_config_for(fixture_.extensions);
  accounts_.load(fixture_, clock_.now());
  openid_connect_.load(fixture_.pluggableauth);
  auth_providers_ = auth::configure_auth_providers(fixture_);
}

Wiki::~Wiki() = default;

void Wiki::reset() {
  accounts_.load(fixture_, clock_.now());
  sessions_.clear();
  throttles_.clear_all();
  rate_limiter_.clear();
  object_cache_.clear();
  openid_connect_.load(fixture_.pluggableauth);
  faults_.clear();
  journal_.clear();
  last_block_id_ = 0;
}

}  // namespace mockwiki
