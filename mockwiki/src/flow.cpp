#include "mockwiki/flow.h"

#include <algorithm>
#include <set>

namespace mockwiki {

FlowStep FlowStep::ui(std::string message, std::vector<FlowField> fields) {
  FlowStep step;
  step.kind = Kind::Ui;
  step.message = std::move(message);
  step.fields = std::move(fields);
  return step;
}

FlowStep FlowStep::redirect(std::string target) {
  FlowStep step;
  step.kind = Kind::Redirect;
  step.target = std::move(target);
  return step;
}

FlowStep FlowStep::pass() { return FlowStep{}; }

FlowStep FlowStep::fail(std::string message) {
  FlowStep step;
  step.kind = Kind::Fail;
  step.message = std::move(message);
  return step;
}

FlowStep FlowStep::restart(std::string message) {
  FlowStep step;
  step.kind = Kind::Restart;
  step.message = std::move(message);
  return step;
}

std::string flow_error(const std::vector<FlowStep>& steps) {
  if (steps.empty()) return "a flow needs at least one step";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const FlowStep& step = steps[i];
    const std::string where = "step " + std::to_string(i + 1) + ": ";
    const bool final =
        step.kind == FlowStep::Kind::Pass || step.kind == FlowStep::Kind::Fail || step.kind == FlowStep::Kind::Restart;
    if (final && i + 1 != steps.size()) return where + "pass, fail and restart end a flow; no step may follow";
    if (!final && i + 1 == steps.size()) return where + "the last step must be pass, fail or restart";
    if (step.kind == FlowStep::Kind::Ui) {
      if (step.fields.empty()) return where + "a ui step needs at least one field";
      if (step.request_id.empty()) return where + "the request id must not be empty";
      std::set<std::string> names;
      for (const auto& field : step.fields) {
        if (field.name.empty()) return where + "a field needs a name";
        if (!names.insert(field.name).second) return where + "duplicate field \"" + field.name + "\"";
        static const std::set<std::string> kTypes = {"string", "password", "checkbox", "hidden", "null"};
        if (!kTypes.contains(field.type)) {
          return where + "field \"" + field.name + "\" has unknown type \"" + field.type +
                 "\" (string, password, checkbox, hidden, null)";
        }
      }
      for (const auto& [name, value] : step.expect) {
        if (!names.contains(name)) return where + "expected value for \"" + name + "\", which is not a field";
      }
    }
    if (step.kind == FlowStep::Kind::Redirect && !step.target.empty()) {
      if (step.target.find("://") == std::string::npos) return where + "the redirect target must be an absolute URL";
      if (!step.return_params.empty()) return where + "return_params need the mock's own redirect page (no target)";
    }
  }
  return {};
}

}  // namespace mockwiki
