#include "api/api_main.h"

#include <algorithm>

#include "api/context.h"
#include "api/json_printer.h"
#include "api/module.h"
#include "api/modules/registry.h"
#include "api/token_types.h"
#include "auth/user_name.h"
#include "chronology_protector.h"
#include "control/journal.h"
#include "internal_error.h"
#include "util/random.h"
#include "util/text.h"

namespace mockwiki::api {
namespace {

// ApiMain::FORMATS; the mock prints json, jsonfm and none.
const std::vector<std::string_view> kFormats = {"json", "jsonfm", "none", "php", "phpfm", "rawfm", "xml", "xmlfm"};
constexpr std::string_view kDefaultFormat = "jsonfm";  // ApiMain::API_DEFAULT_FORMAT
const std::vector<std::string_view> kErrorFormats = {"plaintext", "wikitext", "html", "raw", "none", "bc"};

struct MainParams {
  std::string action;
  std::string format;
  std::optional<std::int64_t> maxlag;
  std::optional<std::string> assert_;
  std::optional<std::string> assertuser;
};

// What the JSON printer was asked for (ApiFormatJson's parameters).
struct PrinterParams {
  JsonStyle style;
  std::optional<std::string> callback;
};

class Run {
 public:
  // `facts`: what injected faults are matched against; null when there are none.
  Run(Wiki& wiki, ApiContext& ctx, const control::RequestFacts* facts) : wiki_(wiki), ctx_(ctx), facts_(facts) {}

  // The injected fault that answered, if any.
  const std::optional<FaultSpec>& fired_fault() const { return fired_; }

  http::Response execute();

 private:
  void add_requested_fields(bool force_servedby);
  MainParams read_main_params();
  void check_asserts(const MainParams& main);
  void setup_module(const MainParams& main);
  bool token_is_valid();
  void check_execute_permissions();
  void check_maxlag(const MainParams& main);
  void setup_external_response();
  void report_unused_params();
  std::optional<ApiError> read_printer_params(PrinterParams& out);
  void substitute_result_with_error(const ApiError& error);
  http::Response print(const PrinterParams& printer, int http_status);
  http::Response handle_exception(const ApiError& error);
  std::string format_for_errors() const;
  [[noreturn]] void die(Message message, int http_status = 0) {
    throw ApiError(std::move(message), "main", http_status);
  }

  // An injected fault for this place in the request, taken from the list.
  const FaultSpec* take_fault(control::FaultStage stage) {
    if (!facts_) return nullptr;
    fired_ = wiki_.faults().take(*facts_, stage);
    return fired_ ? &*fired_ : nullptr;
  }

  Wiki& wiki_;
  ApiContext& ctx_;
  const control::RequestFacts* facts_;
  std::optional<FaultSpec> fired_;
  std::unique_ptr<ApiModule> module_;
  std::string format_;  // validated format, once known
  std::vector<std::string> error_codes_;
};

void Run::add_requested_fields(bool force_servedby) {
  if (const std::string* id = ctx_.param("requestid")) ctx_.result.set("requestid", *id);
  const bool servedby = ctx_.param_present("servedby");
  if (wiki_.config().show_hostnames && (force_servedby || servedby)) {
    ctx_.result.set("servedby", wiki_.config().hostname);
  }
  if (ctx_.param_present("curtimestamp")) ctx_.result.set("curtimestamp", util::iso8601(ctx_.now));
  if (ctx_.param_present("responselanginfo")) {
    ctx_.result.set("uselang", "en");
    ctx_.result.set("errorlang", "en");
  }
}

MainParams Run::read_main_params() {
  ParamReader p(ctx_, "main", "");
  MainParams main;
  const std::vector<std::string_view> actions = modules::action_names();
  main.action = *p.choice("action", actions, "help");
  main.format = *p.choice("format", kFormats, kDefaultFormat);
  format_ = main.format;
  main.maxlag = p.integer("maxlag");
  p.integer("smaxage");
  p.integer("maxage");
  main.assert_ = p.choice("assert", {"anon", "user", "bot"});
  main.assertuser = p.string("assertuser");
  if (main.assertuser) {
    // UserDef: a valid user name, which the parameter then holds in canonical form.
    auto canonical = auth::canonical_user_name(*main.assertuser);
    if (!canonical) {
      p.fail("paramvalidator-baduser", "baduser",
             {MessageParam::plaintext("assertuser"), MessageParam::plaintext(*main.assertuser)});
    }
    main.assertuser = *canonical;
  }
  p.string("requestid");
  p.flag("servedby");
  p.flag("curtimestamp");
  p.flag("responselanginfo");
  p.string("origin");
  p.string("uselang");
  p.string("variant");
  p.choice("errorformat", kErrorFormats, "bc");
  p.string("errorlang");
  p.flag("errorsuselocal");
  return main;
}

void Run::check_asserts(const MainParams& main) {
  if (main.assert_) {
    if (*main.assert_ == "anon" && ctx_.is_registered()) die(Message("apierror-assertanonfailed"));
    if (*main.assert_ == "user" && !ctx_.is_registered()) die(Message("apierror-assertuserfailed"));
    if (*main.assert_ == "bot" && !ctx_.user_can("bot")) die(Message("apierror-assertbotfailed"));
  }
  if (main.assertuser) {
    if (!ctx_.is_registered() || ctx_.user_name() != *main.assertuser) {
      die(Message("apierror-assertnameduserfailed", {MessageParam::plain(util::escape_wikitext(*main.assertuser))}));
    }
  }
}

bool Run::token_is_valid() {
  const auto type = module_->needs_token();
  if (token_for(ctx_, *type).matches(module_->token(), ctx_.now)) return true;
  if (auto salt = module_->web_ui_token_salt()) return edit_token_for(ctx_, *salt).matches(module_->token(), ctx_.now);
  return false;
}

void Run::setup_module(const MainParams& main) {
  module_ = modules::make_action(main.action);
  if (!module_) {
    throw ApiError(Message("mockwiki-notimplemented", {MessageParam::plain("action=" + main.action)}), main.action);
  }
  ParamReader reader(ctx_, module_->path(), module_->prefix());
  module_->read_params(reader);
  if (module_->needs_token()) {
    module_->require_posted(ctx_, {"token"});
    if (take_fault(control::FaultStage::Token) || !token_is_valid()) module_->die(Message("apierror-badtoken"));
  }
}

void Run::check_execute_permissions() {
  if (module_->is_read_mode() && !ctx_.user_can("read")) die(Message("apierror-readapidenied"));
  if (module_->is_write_mode()) {
    if (!ctx_.user_can("writeapi")) die(Message("apierror-writeapidenied"));
    if (ctx_.http.header("Promise-Non-Write-API-Action")) die(Message("apierror-promised-nonwrite-api"));
    // $wgReadOnly, as an injected fault: ApiMain::dieReadOnly.
    if (const FaultSpec* readonly = take_fault(control::FaultStage::Permissions)) {
      Message message("apierror-readonly");
      message.with_data(Json{{"readonlyreason", readonly->reason}});
      die(std::move(message));
    }
  }
}

void Run::check_maxlag(const MainParams& main) {
  if (!module_->should_check_maxlag() || !main.maxlag) return;
  // An injected maxlag fault stands for a lagging replica.
  const FaultSpec* lagging = take_fault(control::FaultStage::Maxlag);
  const std::int64_t lag = lagging ? lagging->lag : wiki_.config().database_lag;
  if (lag <= *main.maxlag) return;
  ctx_.extra_headers.emplace_back("Retry-After", std::to_string(std::max<std::int64_t>(*main.maxlag, 5)));
  ctx_.extra_headers.emplace_back("X-Database-Lag", std::to_string(lag));
  const Json data{{"host", ""}, {"lag", lag}, {"type", "db"}};
  Message message =
      wiki_.config().show_hostnames
          ? Message("apierror-maxlag", {MessageParam::plain(lag), MessageParam::plain(wiki_.config().hostname)})
          : Message("apierror-maxlag-generic", {MessageParam::plain(lag)});
  message.with_code("maxlag").with_data(data);
  die(std::move(message));
}

void Run::setup_external_response() {
  const std::string& method = ctx_.http.method;
  if (method != "GET" && method != "HEAD" && method != "POST" && method != "OPTIONS") {
    die(Message("apierror-invalidmethod"), 405);
  }
  if (method != "POST" && module_->must_be_posted()) {
    die(Message("apierror-mustbeposted", {MessageParam::plain(module_->name())}));
  }
  if (method == "POST" && !ctx_.http.header("Content-Type")) {
    ctx_.add_deprecation("main", Message("apiwarn-deprecation-post-without-content-type"), "post-without-content-type");
  }
}

void Run::report_unused_params() {
  static const std::vector<std::string_view> kPrinterParams = {"callback", "utf8", "ascii", "formatversion",
                                                               "wrappedhtml"};
  const auto unused = ctx_.unused_params(kPrinterParams);
  if (unused.empty()) return;
  std::vector<MessageParam> escaped;
  std::vector<std::int64_t> keys;
  for (const auto& [index, name] : unused) {
    keys.push_back(index);
    escaped.push_back(MessageParam::plain(util::escape_wikitext(name)));
  }
  ctx_.add_warning(
      "main", Message("apierror-unrecognizedparams", {MessageParam::list(std::move(escaped), "comma", std::move(keys)),
                                                      MessageParam::plain(static_cast<std::int64_t>(unused.size()))}));
}

std::optional<ApiError> Run::read_printer_params(PrinterParams& out) {
  try {
    ParamReader p(ctx_, "json", "");
    out.callback = p.string("callback");
    const bool utf8 = p.flag("utf8");
    const bool ascii = p.flag("ascii");
    const std::string version = *p.choice("formatversion", {"1", "2", "latest"}, "1");
    out.style.format_version = version == "1" ? 1 : 2;
    out.style.escape_unicode = out.style.format_version == 1 ? !utf8 : ascii;
    out.style.pretty = format_ == "jsonfm";
    return std::nullopt;
  } catch (const ApiError& error) {
    return error;
  }
}

std::string Run::format_for_errors() const {
  // ApiMain::createErrorPrinter: the requested format if it is one, else the default.
  const std::string* requested = ctx_.params.value("format");
  if (requested && std::find(kFormats.begin(), kFormats.end(), *requested) != kFormats.end()) return *requested;
  return std::string(kDefaultFormat);
}

std::string status_text(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "";
  }
}

// ApiFormatBase's HTML wrapper for the *fm formats. The HTTP status stays 200: the page says
// what it would have been.
std::string pretty_page(const std::string& sitename, const std::string& json, int http_status) {
  std::string escaped;  // htmlspecialchars with ENT_NOQUOTES
  for (char c : json) {
    if (c == '&')
      escaped += "&amp;";
    else if (c == '<')
      escaped += "&lt;";
    else if (c == '>')
      escaped += "&gt;";
    else
      escaped.push_back(c);
  }
  std::string status;
  if (http_status && http_status != 200) {
    status = "<div class=\"api-pretty-header api-pretty-status\">This response would be returned with HTTP status " +
             std::to_string(http_status) + " " + status_text(http_status) + ".</div>";
  }
  return "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
         "<title>MediaWiki API result - " +
         util::html_escape(sitename) +
         "</title>\n</head>\n"
         "<body>\n<div class=\"api-pretty-header\"><p>This is the HTML representation of the JSON format. "
         "HTML is good for debugging, but is unsuitable for application use.\n</p><p>Specify the "
         "<var>format</var> parameter to change the output format. To see the non-HTML representation of "
         "the JSON format, set <kbd>format=json</kbd>.\n</p></div>" +
         status + "<pre class=\"api-pretty-content\">" + escaped + "</pre>\n</body>\n</html>\n";
}

http::Response Run::print(const PrinterParams& printer, int http_status) {
  http::Response response;
  if (format_ == "none") {
    if (http_status) response.status = http_status;
    response.content_type = "text/plain; charset=utf-8";
    response.add_header("Content-Disposition", "inline; filename=api-result.txt");
    return response;
  }
  if (format_ != "json" && format_ != "jsonfm") {
    response.status = 501;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "mockwiki: format=" + format_ + " is not implemented; use format=json.\n";
    return response;
  }
  std::string json = print_json(ctx_.result.to_json(), printer.style);
  if (format_ == "jsonfm") {
    response.content_type = "text/html; charset=UTF-8";
    response.add_header("Content-Disposition", "inline; filename=api-result.html");
    response.add_header("Content-Language", "en");
    response.add_header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
    response.add_header("Vary", "Accept-Encoding, Cookie");  // OutputPage's, for the HTML page
    response.body = pretty_page(wiki_.config().sitename, json, http_status);
    return response;
  }
  if (http_status) response.status = http_status;
  if (printer.callback) {
    std::string callback;
    for (char c : *printer.callback) {  // ApiFormatJson keeps ][.\'"_ and alphanumerics
      if (std::isalnum(static_cast<unsigned char>(c)) ||
          std::string_view("][.\\'\"_").find(c) != std::string_view::npos) {
        callback.push_back(c);
      }
    }
    response.content_type = "text/javascript; charset=utf-8";
    response.add_header("Content-Disposition", "inline; filename=api-result.js");
    response.body = "/**/" + callback + "(" + json + ")";
    return response;
  }
  response.add_header("Content-Disposition", "inline; filename=api-result.json");
  response.body = std::move(json);
  return response;
}

void Run::substitute_result_with_error(const ApiError& error) {
  // Warnings and errors so far survive the reset.
  std::optional<Json> warnings, errors;
  if (const Json* w = ctx_.result.find("warnings")) warnings = *w;
  if (const Json* e = ctx_.result.find("errors")) errors = *e;
  ctx_.result.clear();
  if (warnings) ctx_.result.set("warnings", *warnings);
  if (errors) {
    ctx_.result.set("errors", *errors);
    for (const auto& item : *errors) {
      if (item.contains("code")) error_codes_.push_back(item["code"].get<std::string>());
    }
  }
  const std::string code = error.message().code();
  if (std::find(error_codes_.begin(), error_codes_.end(), code) == error_codes_.end()) error_codes_.push_back(code);
  ctx_.formatter.add_error(error.module_path(), error.message());

  const std::string docref = Message("api-usage-docref", {MessageParam::plain(wiki_.api_url())}).text() + " " +
                             Message("api-usage-mailinglist-ref").text();
  if (error.is_internal()) {
    // No docref for an exception that is not an API error; with $wgShowExceptionDetails (as on
    // the reference wiki) its trace instead.
    if (!error.trace().empty()) {
      if (ctx_.formatter.is_bc()) {
        Json* bc_error = ctx_.result.find("error");
        (*bc_error)["trace"] = error.trace();
        (*bc_error)[kContentKey] = "trace";
      } else {
        ctx_.result.set("trace", error.trace());
        ctx_.result.set(kContentKey, "trace");
      }
    }
  } else if (ctx_.formatter.is_bc()) {
    Json* bc_error = ctx_.result.find("error");
    (*bc_error)["docref"] = docref;
    (*bc_error)[kContentKey] = "docref";
  } else {
    ctx_.result.set("docref", docref);
    ctx_.result.set(kContentKey, "docref");
  }
  add_requested_fields(true);
}

http::Response Run::handle_exception(const ApiError& error) {
  substitute_result_with_error(error);
  format_ = format_for_errors();
  PrinterParams printer;
  if (auto printer_error = read_printer_params(printer)) {
    // ApiMain::handleException: the error printer failed; retry with its defaults.
    ctx_.add_warning("main", Message("apiwarn-errorprinterfailed"));
    ctx_.add_warning(printer_error->module_path(), printer_error->message());
    printer = PrinterParams{};
    printer.style.pretty = format_ == "jsonfm";
  }
  std::string joined;
  for (const auto& c : error_codes_) joined += (joined.empty() ? "" : ", ") + c;
  http::Response response = print(printer, error.http_status());
  response.add_header("MediaWiki-API-Error", joined);
  return response;
}

http::Response Run::execute() {
  try {
    add_requested_fields(false);
    MainParams main = read_main_params();
    check_asserts(main);
    setup_module(main);
    check_execute_permissions();
    check_maxlag(main);
    setup_external_response();
    if (const FaultSpec* fault = take_fault(control::FaultStage::Execute)) {
      if (fault->fault == "ratelimited") throw ApiError(Message("apierror-ratelimited"), module_->path());
      throw InternalError(fault->fault.substr(19), fault->message, "#0 {main}");
    }
    module_->execute(ctx_);
    if (ctx_.html_page) {
      http::Response page;
      page.content_type = "text/html; charset=utf-8";
      page.add_header("Content-Disposition", "inline; filename=api-help.html");
      page.add_header("Content-Language", "en");
      page.add_header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
      page.add_header("Vary", "Accept-Encoding, Cookie");
      page.body = std::move(*ctx_.html_page);
      return page;
    }
    report_unused_params();
    PrinterParams printer;
    if (auto printer_error = read_printer_params(printer)) throw *printer_error;
    http::Response response = print(printer, 0);
    if (ctx_.cache_public) {
      // ApiMain::sendCacheHeaders in public mode: one Vary, with Treat-as-Untrusted.
      std::erase_if(response.headers, [](const auto& h) { return h.first == "Vary"; });
      response.add_header("Vary", "Accept-Encoding, Treat-as-Untrusted, Cookie");
    }
    return response;
  } catch (const ApiError& error) {
    return handle_exception(error);
  } catch (const InternalError& e) {
    // An exception MediaWiki itself throws here (with $wgShowExceptionDetails, as the reference wiki).
    Message message("apierror-exceptioncaught",
                    {MessageParam::plain(ctx_.request_id), MessageParam::plain(util::escape_wikitext(e.what()))});
    message.with_code("internal_api_error_" + e.php_class()).with_data(Json{{"errorclass", e.php_class()}});
    return handle_exception(ApiError::internal(message, e.trace()));
  } catch (const std::exception& e) {
    // A bug in the mock: reported the way MediaWiki reports an uncaught exception.
    Message message("apierror-exceptioncaught",
                    {MessageParam::plain(ctx_.request_id), MessageParam::plain(util::escape_wikitext(e.what()))});
    message.with_code("internal_api_error_MockwikiException").with_data(Json{{"errorclass", "MockwikiException"}});
    return handle_exception(ApiError::internal(message));
  }
}

}  // namespace

namespace {

// The facts an injected fault is matched against.
control::RequestFacts request_facts(ApiContext& ctx, const std::vector<std::pair<std::string, std::string>>& params) {
  control::RequestFacts facts;
  facts.method = ctx.http.method;
  const std::string* action = ctx.params.value("action");
  facts.action = action ? std::string_view(*action) : std::string_view("help");
  facts.modules.emplace_back(facts.action);
  if (facts.action == "query") {
    for (const char* kind : {"meta", "list", "prop"}) {
      const std::string* names = ctx.params.value(kind);
      if (!names) continue;
      std::string_view rest = *names;
      while (!rest.empty()) {
        const std::size_t bar = rest.find('|');
        facts.modules.emplace_back(rest.substr(0, bar));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
    }
  }
  if (!ctx.session().is_anonymous()) facts.account = ctx.session().user_name();
  facts.params = &params;
  if (const std::string* maxlag = ctx.params.value("maxlag")) {
    try {
      std::size_t used = 0;
      const long long value = std::stoll(*maxlag, &used);
      if (used == maxlag->size()) facts.maxlag = value;
    } catch (const std::exception&) {
      // not an integer: ApiMain answers badinteger before any maxlag check
    }
  }
  return facts;
}

// What a failing proxy or PHP-FPM in front of the wiki answers: no API headers, an HTML page.
http::Response proxy_error_page(int status) {
  http::Response page;
  page.status = status;
  page.content_type = "text/html; charset=utf-8";
  const std::string title = std::to_string(status) + " " + std::string(util::http_reason(status));
  page.body = "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title +
              "</h1><p>Our servers are currently under maintenance or experiencing a technical problem. Please try "
              "again in a few minutes.</p><hr><p>mockwiki: injected fault</p></body></html>\n";
  return page;
}

}  // namespace

http::Response ApiMain::handle(const http::Request& request, RequestSummary* summary) {
  ApiContext ctx(wiki_, request);
  const std::string* origin = ctx.params.value("origin");
  ctx.lacks_same_origin_security =
      ctx.params.has("callback") || (origin && *origin == "*") || request.header("Treat-as-Untrusted").has_value();

  http::Response cors;
  if (origin) {
    // ApiMain::handleCORS
    if (*origin == "*") {
      const bool preflight = request.method == "OPTIONS" && request.header("Access-Control-Request-Method");
      if (preflight) {
        if (auto requested = request.header("Access-Control-Request-Headers")) {
          cors.add_header("Access-Control-Allow-Headers", std::string(*requested));
        }
        cors.add_header("Access-Control-Allow-Methods", "POST, GET, HEAD");
      }
      cors.add_header("Access-Control-Allow-Origin", "*");
      cors.add_header("Access-Control-Allow-Credentials", "false");
      if (!preflight) {
        cors.add_header("Access-Control-Expose-Headers",
                        "MediaWiki-API-Error, Retry-After, X-Database-Lag, MediaWiki-Login-Suppressed");
      }
    } else {
      const std::string header(request.header("Origin").value_or(""));
      bool listed = false;
      std::size_t i = 0;
      while (i < header.size()) {
        while (i < header.size() && std::isspace(static_cast<unsigned char>(header[i]))) ++i;
        std::size_t j = i;
        while (j < header.size() && !std::isspace(static_cast<unsigned char>(header[j]))) ++j;
        if (j > i && header.compare(i, j - i, *origin) == 0) listed = true;
        i = j;
      }
      if (!listed) {
        http::Response forbidden;
        forbidden.status = 403;
        forbidden.content_type = "text/html; charset=UTF-8";
        forbidden.add_header("X-Content-Type-Options", "nosniff");
        forbidden.add_header("Cache-Control", "no-cache");
        forbidden.add_header("X-Request-Id", ctx.request_id);
        forbidden.body = "'origin' parameter does not match Origin header\n";
        return forbidden;
      }
      cors.add_header("MediaWiki-CORS-Rejection", "Origin mismatch");  // $wgCrossSiteAJAXdomains is empty
    }
  }
  if (request.method == "OPTIONS") {
    cors.content_type = "text/html; charset=UTF-8";
    cors.headers.insert(cors.headers.begin(), {"X-Content-Type-Options", "nosniff"});
    if (ctx.lacks_same_origin_security) cors.add_header("MediaWiki-Login-Suppressed", "true");
    cors.add_header("X-Request-Id", ctx.request_id);
    return cors;
  }

  ctx.set_session(wiki_.session_manager().load(ctx.cookies_in, ctx.cookies_out, ctx.now));
  // Injected faults: those that show before anything else are taken here, the others where
  // MediaWiki would raise them (Run::take_fault).
  std::vector<std::pair<std::string, std::string>> params;
  std::optional<control::RequestFacts> facts;
  std::optional<FaultSpec> fault;
  if (wiki_.faults().might_have_any() || summary) params = ctx.params.values();
  if (wiki_.faults().might_have_any()) {
    facts = request_facts(ctx, params);
    fault = wiki_.faults().take(*facts, control::FaultStage::Arrival);
  }
  if (summary) {
    summary->params = params;
    for (auto& [name, value] : summary->params) {
      if (control::is_secret_param(name)) value = "[redacted]";
    }
    if (const std::string* action = ctx.params.value("action")) summary->action = *action;
  }
  if (fault) {
    if (summary) summary->fault = fault;
    if (const int status = control::http_fault_status(fault->fault)) return proxy_error_page(status);
    if (fault->fault == "reset") return {};
    if (fault->fault == "assertuserfailed") {
      // The session dies on the server; this request runs without it, as anonymous.
      if (ctx.session().is_persistent()) wiki_.sessions().erase(ctx.session().id());
      static const http::RequestCookies kNoCookies;
      ctx.set_session(wiki_.session_manager().load(kNoCookies, ctx.cookies_out, ctx.now));
    }
  }
  Run run(wiki_, ctx, facts ? &*facts : nullptr);
  http::Response response = run.execute();
  if (summary && run.fired_fault()) summary->fault = run.fired_fault();
  ctx.save_sessions();
  if (summary) {
    if (ctx.is_registered()) summary->user = ctx.user_name();
    if (ctx.session().is_persistent()) summary->session = ctx.session().id();
    for (const char* module : {"login", "clientlogin", "createaccount"}) {
      const Json* part = ctx.result.find(module);
      if (!part || !part->is_object()) continue;
      for (const char* field : {"result", "status"}) {
        if (auto it = part->find(field); it != part->end() && it->is_string()) summary->result = it->get<std::string>();
      }
    }
  }
  if (ctx.wrote_to_database) {
    set_chronology_protector_cookies(wiki_.object_cache(), ctx.ip,
                                     std::string(request.header("User-Agent").value_or("")), request.method == "POST",
                                     ctx.now, ctx.cookies_out);
  }

  // Headers every api.php response carries.
  http::Headers headers;
  headers.emplace_back("X-Content-Type-Options", "nosniff");
  for (const auto& line : ctx.cookies_out.lines()) headers.emplace_back("Set-Cookie", line);
  if (ctx.lacks_same_origin_security) headers.emplace_back("MediaWiki-Login-Suppressed", "true");
  for (auto& h : cors.headers) headers.push_back(std::move(h));
  for (auto& h : ctx.extra_headers) headers.push_back(std::move(h));
  headers.emplace_back("X-Frame-Options", "DENY");
  for (auto& h : response.headers) headers.push_back(std::move(h));
  headers.emplace_back("Cache-Control", "private, must-revalidate, max-age=0");
  headers.emplace_back("X-Request-Id", ctx.request_id);
  response.headers = std::move(headers);
  return response;
}

}  // namespace mockwiki::api
