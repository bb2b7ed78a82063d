#include "api/modules/auth_manager_helper.h"

#include <algorithm>
#include <map>

#include "util/text.h"

namespace mockwiki::api::modules {
namespace {

// $wgUrlProtocols: what wfParseUrl accepts as a URL.
constexpr std::string_view kUrlProtocols[] = {
    "bitcoin:", "ftp://",  "ftps://",  "geo:",      "git://",  "gopher://",    "http://",
    "https://", "irc://",  "ircs://",  "magnet:",   "mailto:", "matrix:",      "mms://",
    "news:",    "nntp://", "redis://", "sftp://",   "sip:",    "sips:",        "sms:",
    "ssh://",   "svn://",  "tel:",     "telnet://", "urn:",    "worldwind://", "xmpp:"};

// wfParseUrl() succeeds and finds a scheme (a protocol-relative "//host" has none).
bool is_absolute_url(const std::string& url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = url[i];
    const bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
                    (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  const std::string scheme = util::lower_ascii(url.substr(0, colon));
  for (std::string_view protocol : kUrlProtocols) {
    if (protocol == scheme + "://" || protocol == scheme + ":") return true;
  }
  return false;
}

}  // namespace

using auth::AuthenticationResponse;
using auth::AuthField;
using auth::AuthRequest;

std::optional<MessageFormat> parse_message_format(std::string_view value) {
  if (value == "html") return MessageFormat::Html;
  if (value == "wikitext") return MessageFormat::Wikitext;
  if (value == "raw") return MessageFormat::Raw;
  if (value == "none") return MessageFormat::None;
  return std::nullopt;
}

void AuthManagerModule::read_params(ParamReader& p) {
  requests_ = p.strings_if_present("requests");
  message_format_ = *parse_message_format(*p.choice("messageformat", {"html", "wikitext", "raw", "none"}, "wikitext"));
  merge_fields_ = p.flag("mergerequestfields");
  preserve_state_ = p.flag("preservestate");
  return_url_ = p.string("returnurl");
  continue_ = p.flag("continue");
  read_token(p);
}

void AuthManagerModule::check_continue_or_return_url() const {
  if (!continue_ && !return_url_) {
    // ApiBase::requireAtLeastOneParameter
    std::vector<MessageParam> names = {MessageParam::plain("<var>" + encode("continue") + "</var>"),
                                       MessageParam::plain("<var>" + encode("returnurl") + "</var>")};
    die(Message("apierror-missingparam-at-least-one-of",
                {MessageParam::list(std::move(names), "text"), MessageParam::plain(std::int64_t{2})})
            .with_code("missingparam"));
  }
  if (return_url_ && !is_absolute_url(*return_url_)) {
    die(Message("apierror-badurl",
                {MessageParam::plain(encode("returnurl")), MessageParam::plain(util::escape_wikitext(*return_url_))})
            .with_code("badurl_" + encode("returnurl")));
  }
}

std::vector<AuthRequest> AuthManagerHelper::load_requests(auth::AuthManager& manager, auth::AuthAction action,
                                                          const std::optional<std::vector<std::string>>& wanted) {
  std::vector<AuthRequest> requests = manager.requests_for(action);
  if (wanted) {
    std::erase_if(requests, [&](const AuthRequest& r) {
      return std::find(wanted->begin(), wanted->end(), r.id) == wanted->end();
    });
  }
  std::vector<std::string> field_names, sensitive;
  for (const auto& request : requests) {
    for (const auto& field : request.fields) {
      if (std::find(field_names.begin(), field_names.end(), field.name) != field_names.end()) continue;
      field_names.push_back(field.name);
      if (field.sensitive) sensitive.push_back(field.name);
    }
  }
  std::map<std::string, std::string, std::less<>> data;
  for (const auto& name : field_names) {
    if (const std::string* value = ctx_.params.value(name)) {
      data[name] = *value;
      ctx_.mark_used(name);
    }
  }
  if (!sensitive.empty()) module_.require_posted(ctx_, sensitive, true);
  return auth::load_requests_from_submission(std::move(requests), data);
}

void AuthManagerHelper::set_message(Json& out, const char* key, const Message& message) const {
  switch (format_) {
    case MessageFormat::None:
      break;
    case MessageFormat::Wikitext:
      out[key] = message.text();
      break;
    case MessageFormat::Html:
      out[key] = message.html();
      break;
    case MessageFormat::Raw:
      out[key] = message.raw();
      break;
  }
}

Json AuthManagerHelper::format_fields(const std::vector<AuthField>& fields) const {
  Json out = Json::object();
  for (const auto& field : fields) {
    Json f = Json::object();
    f["type"] = field.type;
    if (field.value) f["value"] = *field.value;
    set_message(f, "label", field.label);
    set_message(f, "help", field.help);
    f["optional"] = field.optional;
    f["sensitive"] = field.sensitive;
    out[field.name] = std::move(f);
  }
  return out;
}

void AuthManagerHelper::format_requests(const std::vector<AuthRequest>& requests, Json& out) const {
  Json list = Json::array();
  for (const auto& request : requests) {
    Json r = Json::object();
    r["id"] = request.id;
    r["metadata"] = request.metadata.is_object() ? request.metadata : Json::object();
    switch (request.required) {
      case AuthRequest::Required::Optional:
        r["required"] = "optional";
        break;
      case AuthRequest::Required::Required:
        r["required"] = "required";
        break;
      case AuthRequest::Required::PrimaryRequired:
        r["required"] = "primary-required";
        break;
    }
    set_message(r, "provider", request.provider);
    set_message(r, "account", request.account);
    if (!merge_fields_) r["fields"] = format_fields(request.fields);
    list.push_back(std::move(r));
  }
  out["requests"] = std::move(list);
  if (merge_fields_) out["fields"] = format_fields(merge_field_info(requests));
}

Json AuthManagerHelper::format_response(const AuthenticationResponse& response) {
  using Status = AuthenticationResponse::Status;
  Json out = Json::object();
  out["status"] = AuthenticationResponse::status_name(response.status);
  if (response.status == Status::Pass && response.username) out["username"] = *response.username;
  if (response.status == Status::Redirect) {
    out["redirecttarget"] = response.redirect_target;
    if (response.redirect_api_data) out["redirectdata"] = *response.redirect_api_data;
  }
  if (response.status == Status::Redirect || response.status == Status::Ui || response.status == Status::Restart) {
    format_requests(response.needed_requests, out);
  }
  if (response.status == Status::Fail || response.status == Status::Ui || response.status == Status::Restart) {
    set_message(out, "message", response.message);
    out["messagecode"] = response.message.code();
  }
  if (response.status == Status::Fail || response.status == Status::Restart) {
    // The response's createRequest (or none) is kept for loginpreservestate and createpreservestate.
    ctx_.session().mutable_auth_data().preserved_create_request = response.create_request;
    out["canpreservestate"] = response.create_request != nullptr;
  }
  // Any other answer removes it, in ApiAuthManagerHelper, but PHP's session handler writes
  // the object back at the end of the request (PHPSessionHandler::write: "deleted in Session
  // and changed in $_SESSION"), so on a real wiki it stays until the next FAIL or RESTART
  // (tests/reference/raw/flows/FINDINGS.md §1). The mock keeps it too.
  return out;
}

std::vector<AuthField> merge_field_info(const std::vector<AuthRequest>& requests) {
  // Fields some primary provider does without are optional.
  std::optional<std::vector<std::string>> shared_required;
  for (const auto& request : requests) {
    if (request.required != AuthRequest::Required::PrimaryRequired) continue;
    std::vector<std::string> required;
    for (const auto& field : request.fields) {
      if (!field.optional) required.push_back(field.name);
    }
    if (!shared_required) {
      shared_required = required;
    } else {
      std::erase_if(*shared_required, [&](const std::string& name) {
        return std::find(required.begin(), required.end(), name) == required.end();
      });
    }
  }
  std::vector<AuthField> merged;
  for (const auto& request : requests) {
    for (AuthField field : request.fields) {
      const bool not_required =
          request.required == AuthRequest::Required::Optional ||
          (request.required == AuthRequest::Required::PrimaryRequired &&
           std::find(shared_required->begin(), shared_required->end(), field.name) == shared_required->end());
      if (not_required) field.optional = true;
      auto existing =
          std::find_if(merged.begin(), merged.end(), [&](const AuthField& f) { return f.name == field.name; });
      if (existing == merged.end()) {
        merged.push_back(std::move(field));
      } else {
        existing->optional = existing->optional && field.optional;
        existing->sensitive = existing->sensitive || field.sensitive;
      }
    }
  }
  return merged;
}

}  // namespace mockwiki::api::modules
