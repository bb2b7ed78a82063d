#include "wiki.h"

namespace mockwiki {

Wiki::Wiki(Fixture fixture, WikiConfig config, Clock& clock)
    : fixture_(std::move(fixture)),
      config_(std::move(config)),
      clock_(clock),
      session_manager_(sessions_, accounts_, config_.wiki_id) {
  rights_.oath_auth = fixture_.has_extension("OATHAuth");
  accounts_.load(fixture_, clock_.now());
}

void Wiki::reset() {
  accounts_.load(fixture_, clock_.now());
  sessions_.clear();
  throttles_.clear_all();
}

}  // namespace mockwiki
