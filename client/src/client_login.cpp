#include "mediawiki/client_login.h"

#include <httplib.h>

#include <ctime>
#include <memory>

#include "mediawiki/totp.h"
#include "url.h"

namespace mediawiki {
namespace {

std::string text(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// The query parameters of a URL.
Params query_params(const std::string& url) {
  Params out;
  const auto question = url.find('?');
  if (question == std::string::npos) return out;
  std::string query = url.substr(question + 1);
  query = query.substr(0, query.find('#'));
  httplib::Params parsed;
  httplib::detail::parse_query_text(query, parsed);
  for (const auto& [name, value] : parsed) out.emplace_back(name, value);
  return out;
}

std::string origin_of(const std::string& url) {
  const auto split = detail::split_url(url);
  return split ? split->origin : std::string();
}

}  // namespace

LoginStep LoginStep::from_json(const Json& clientlogin) {
  LoginStep step;
  step.status = text(clientlogin, "status");
  step.message = text(clientlogin, "message");
  step.message_code = text(clientlogin, "messagecode");
  step.redirect_target = text(clientlogin, "redirecttarget");
  if (auto it = clientlogin.find("redirectdata"); it != clientlogin.end()) step.redirect_data = *it;
  step.can_preserve_state = clientlogin.value("canpreservestate", false);
  step.username = text(clientlogin, "username");
  if (auto requests = clientlogin.find("requests"); requests != clientlogin.end() && requests->is_array()) {
    for (const auto& r : *requests) {
      AuthRequest request;
      request.id = text(r, "id");
      request.required = text(r, "required");
      request.provider = text(r, "provider");
      request.account = text(r, "account");
      if (auto fields = r.find("fields"); fields != r.end() && fields->is_object()) {
        for (const auto& [name, f] : fields->items()) {
          AuthField field;
          field.type = text(f, "type");
          field.label = text(f, "label");
          field.help = text(f, "help");
          field.optional = f.value("optional", false);
          field.sensitive = f.value("sensitive", false);
          if (auto value = f.find("value"); value != f.end() && value->is_string())
            field.value = value->get<std::string>();
          request.fields[name] = std::move(field);
        }
      }
      step.requests.push_back(std::move(request));
    }
  }
  return step;
}

bool LoginStep::asks_for(const std::string& field) const {
  for (const auto& request : requests) {
    if (request.fields.contains(field)) return true;
  }
  return false;
}

ClientLoginResult client_login(Session& session, const std::string& user, const std::string& password,
                               const ClientLoginHandlers& handlers, const ClientLoginOptions& options) {
  return client_login(session, Params{{"username", user}, {"password", password}}, handlers, options);
}

ClientLoginResult client_login(Session& session, const Params& fields, const ClientLoginHandlers& handlers,
                               const ClientLoginOptions& options) {
  Params begin = {{"action", "clientlogin"}, {"loginreturnurl", options.return_url}};
  begin.insert(begin.end(), fields.begin(), fields.end());
  if (options.remember) begin.emplace_back("rememberMe", "1");
  if (options.preserve_state) begin.emplace_back("loginpreservestate", "1");
  // A new login starts a new session, as Session::login does; until it passes, no asserts.
  if (session.user()) session.forget_login();
  session.forget_tokens();
  Json reply = session.post_with_token(begin, "login", "logintoken");
  for (int steps = 0;; ++steps) {
    const LoginStep step = LoginStep::from_json(reply.at("clientlogin"));
    if (step.status == "PASS") {
      // When the session dies, the same login again (the handlers answer its steps anew).
      session.set_logged_in(step.username, [fields, handlers, options](Session& again) {
        ClientLoginOptions fresh = options;
        fresh.preserve_state = false;
        client_login(again, fields, handlers, fresh);
      });
      return ClientLoginResult{false, step};
    }
    if (step.status == "FAIL") throw LoginError("FAIL", step.message, step.message_code);
    if (step.status == "RESTART") return ClientLoginResult{true, step};
    if (steps >= options.max_steps) {
      throw LoginError(step.status, "gave up after " + std::to_string(options.max_steps) + " steps", step.message_code);
    }
    std::optional<Params> answer;
    if (step.status == "UI" && handlers.ui) answer = handlers.ui(step);
    if (step.status == "REDIRECT" && handlers.redirect) answer = handlers.redirect(step);
    if (!answer)
      throw LoginError(step.status, step.message.empty() ? "no handler answered" : step.message, step.message_code);
    Params next = {{"action", "clientlogin"}, {"logincontinue", "1"}};
    // Hidden fields go back as they came.
    for (const auto& request : step.requests) {
      for (const auto& [name, field] : request.fields) {
        if (field.type == "hidden" && field.value) next.emplace_back(name, *field.value);
      }
    }
    next.insert(next.end(), answer->begin(), answer->end());
    reply = session.post_with_token(next, "login", "logintoken");
  }
}

std::function<std::optional<Params>(const LoginStep&)> totp_handler(std::string base32_secret,
                                                                    std::function<std::int64_t()> now) {
  // OATHAuth takes each 30-second window once, and only one later than the last it took; a
  // code it refuses (this window was spent by a login a moment ago) is asked for again, so each
  // try uses the next window, which it accepts up to 4 windows ahead.
  auto tries = std::make_shared<int>(0);
  return
      [secret = std::move(base32_secret), now = std::move(now), tries](const LoginStep& step) -> std::optional<Params> {
        if (!step.asks_for("OATHToken")) return std::nullopt;
        if (*tries > 4) return std::nullopt;
        const std::int64_t time = (now ? now() : static_cast<std::int64_t>(std::time(nullptr))) + 30 * (*tries)++;
        return Params{{"OATHToken", totp_code(secret, time)}};
      };
}

std::function<std::optional<Params>(const LoginStep&)> prompt_handler(std::istream& in, std::ostream& out) {
  return [&in, &out](const LoginStep& step) -> std::optional<Params> {
    if (!step.message.empty()) out << step.message << "\n";
    Params answer;
    for (const auto& request : step.requests) {
      for (const auto& [name, field] : request.fields) {
        if (field.type == "hidden" || field.type == "null") continue;
        out << (field.label.empty() ? name : field.label) << ": " << std::flush;
        std::string value;
        if (!std::getline(in, value)) return std::nullopt;
        answer.emplace_back(name, value);
      }
    }
    return answer;
  };
}

std::function<std::optional<Params>(const LoginStep&)> follow_redirect_handler(Session& session,
                                                                               const ClientLoginOptions& options,
                                                                               Params extra) {
  return [&session, return_url = options.return_url,
          extra = std::move(extra)](const LoginStep& step) -> std::optional<Params> {
    std::string url = step.redirect_target;
    for (const auto& [name, value] : extra) {
      url += (url.find('?') == std::string::npos ? "?" : "&") + httplib::detail::encode_query_param(name) + "=" +
             httplib::detail::encode_query_param(value);
    }
    const std::string wiki = origin_of(session.api_url());
    for (int hops = 0; hops < 20; ++hops) {
      if (url.starts_with(return_url)) return query_params(url);
      // A browser follows the redirects; this handler only on the wiki's host (the mock's
      // pages and its identity provider), where the session's cookies belong.
      if (origin_of(url) != wiki) return std::nullopt;
      const Session::Page page = session.visit(url);
      if (page.status < 300 || page.status >= 400 || page.location.empty()) return std::nullopt;
      url = page.location.starts_with("/") ? wiki + page.location : page.location;
    }
    return std::nullopt;
  };
}

}  // namespace mediawiki
