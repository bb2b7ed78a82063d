#include "auth/auth_manager.h"

#include <algorithm>
#include <regex>

#include "auth/user_name.h"
#include "internal_error.h"

namespace mockwiki::auth {
namespace {

constexpr std::int64_t kReauthenticateTime = 300;  // $wgReauthenticateTime['default']

using Status = AuthenticationResponse::Status;

// AuthManager::fillRequests: each request learns the user it is about, if it does not know.
void fill_requests(std::vector<AuthRequest>& requests, const std::optional<std::string>& username) {
  for (auto& request : requests) {
    if (!request.username) request.username = username;
  }
}

// The username all requests agree on (beginAuthentication's $guessUserName), if any.
std::optional<std::string> guess_username(const std::vector<AuthRequest>& requests) {
  std::optional<std::string> guess;
  for (const auto& request : requests) {
    if (!request.username || request.username->empty()) continue;
    if (!guess) {
      guess = request.username;
    } else if (*guess != *request.username) {
      return std::nullopt;
    }
  }
  return guess;
}

void set_secondary_done(AuthFlowState& state, std::string_view id, bool done) {
  for (auto& [name, finished] : state.secondary) {
    if (name == id) {
      finished = done;
      return;
    }
  }
  state.secondary.emplace_back(std::string(id), done);
}

}  // namespace

std::optional<AuthAction> parse_auth_action(std::string_view name) {
  if (name == "login") return AuthAction::Login;
  if (name == "login-continue") return AuthAction::LoginContinue;
  if (name == "create") return AuthAction::Create;
  if (name == "create-continue") return AuthAction::CreateContinue;
  if (name == "link") return AuthAction::Link;
  if (name == "link-continue") return AuthAction::LinkContinue;
  if (name == "change") return AuthAction::Change;
  if (name == "remove") return AuthAction::Remove;
  if (name == "unlink") return AuthAction::Unlink;
  return std::nullopt;
}

bool is_valid_email(std::string_view address) {
  // Sanitizer::validateEmail: HTML5's pattern, case-insensitive.
  static const std::regex kEmail(R"(^[a-z0-9!#$%&'*+\-/=?^_`{|}~.]+@[a-z0-9\-]+(\.[a-z0-9\-]+)*$)", std::regex::icase);
  return std::regex_match(std::string(address), kEmail);
}

std::optional<std::string> username_from_requests(const std::vector<AuthRequest>& requests) {
  std::optional<std::string> name;
  for (const auto& request : requests) {
    if (auto value = request.value("username")) {
      if (name && *name != *value) return std::nullopt;
      name = *value;
    }
  }
  return name;
}

AuthManager::AuthManager(Wiki& wiki, session::Session& session, std::string ip, std::int64_t now)
    : wiki_(wiki), session_(session), ip_(std::move(ip)), now_(now), providers_(wiki.auth_providers()) {}

bool AuthManager::can_create_accounts() const {
  return std::any_of(providers_.primary.begin(), providers_.primary.end(), [](const auto& p) {
    return p->account_creation_type() != PrimaryAuthenticationProvider::CreationType::None;
  });
}

bool AuthManager::can_link_accounts() const {
  return std::any_of(providers_.primary.begin(), providers_.primary.end(), [](const auto& p) {
    return p->account_creation_type() == PrimaryAuthenticationProvider::CreationType::Link;
  });
}

// ---------------------------------------------------------------------------------------------
// Session data for providers

const Json* AuthManager::authentication_data(std::string_view key) const {
  const Json& data = session_.auth_data().auth_data;
  auto it = data.find(key);
  return it == data.end() ? nullptr : &*it;
}

void AuthManager::set_authentication_data(const std::string& key, Json value) {
  session_.mutable_auth_data().auth_data[key] = std::move(value);
}

void AuthManager::remove_authentication_data(std::optional<std::string_view> key) {
  const Json& data = session_.auth_data().auth_data;
  if (!key) {
    if (!data.empty()) session_.mutable_auth_data().auth_data = Json::object();
  } else if (data.contains(*key)) {
    session_.mutable_auth_data().auth_data.erase(std::string(*key));
  }
}

const Json* AuthManager::session_value(std::string_view key) const {
  const Json& values = session_.auth_data().values;
  auto it = values.find(key);
  return it == values.end() ? nullptr : &*it;
}

void AuthManager::set_session_value(const std::string& key, Json value) {
  session_.mutable_auth_data().values[key] = std::move(value);
}

void AuthManager::remove_session_value(std::string_view key) {
  if (session_.auth_data().values.contains(key)) session_.mutable_auth_data().values.erase(std::string(key));
}

// ---------------------------------------------------------------------------------------------
// Requests

std::vector<AuthRequest> AuthManager::requests_from(AuthAction action, bool pre, bool primary, bool secondary) {
  // getAuthenticationRequestsInternal: the current user's name is the providers' option.
  std::optional<std::string> username;
  if (!session_.is_anonymous()) username = session_.user_name();
  std::vector<AuthRequest> requests;
  auto add = [&](std::vector<AuthRequest> from, bool is_primary) {
    for (auto& request : from) {
      // A required request of a primary provider is "primary-required".
      if (is_primary && request.required == AuthRequest::Required::Required) {
        request.required = AuthRequest::Required::PrimaryRequired;
      }
      auto existing =
          std::find_if(requests.begin(), requests.end(), [&](const AuthRequest& r) { return r.id == request.id; });
      if (existing == requests.end()) {
        requests.push_back(std::move(request));
      } else if (request.required == AuthRequest::Required::Required ||
                 existing->required == AuthRequest::Required::Optional) {
        *existing = std::move(request);
      }
    }
  };
  if (pre) {
    for (const auto& p : providers_.pre) add(p->requests_for(*this, action, username), false);
  }
  if (primary) {
    for (const auto& p : providers_.primary) add(p->requests_for(*this, action, username), true);
  }
  if (secondary) {
    for (const auto& p : providers_.secondary) add(p->requests_for(*this, action, username), false);
  }
  switch (action) {
    case AuthAction::Login:
      requests.push_back(remember_me_request(session_.can_set_user()));
      break;
    case AuthAction::Create:
      requests.push_back(username_request());
      requests.push_back(user_data_request());
      if (username) requests.push_back(creation_reason_request());  // creating for someone else
      username.reset();                                             // the new account's name is not the creator's
      break;
    default:
      break;
  }
  fill_requests(requests, username);
  return requests;
}

std::vector<AuthRequest> AuthManager::requests_for(AuthAction action) {
  switch (action) {
    case AuthAction::Login:
    case AuthAction::Create:
      return requests_from(action, true, true, true);
    case AuthAction::LoginContinue: {
      const auto& state = session_.auth_data().authn_state;
      return state ? state->continue_requests : std::vector<AuthRequest>{};
    }
    case AuthAction::CreateContinue: {
      const auto& state = session_.auth_data().creation_state;
      return state ? state->continue_requests : std::vector<AuthRequest>{};
    }
    case AuthAction::Link:
    case AuthAction::Unlink:
      // Only TYPE_LINK providers are asked; none asks for anything outside a login.
      return {};
    case AuthAction::LinkContinue:
      return {};
    case AuthAction::Change:
    case AuthAction::Remove: {
      const std::string user = session_.is_anonymous() ? std::string() : session_.user_name();
      // $wgChangeCredentialsBlacklist drops the temporary password; $wgRemoveCredentialsBlacklist the password.
      if (action == AuthAction::Change) return {password_request(action, user)};
      return {temporary_password_request(user)};
    }
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Logging in

std::optional<std::string> AuthManager::valid_user_name(const std::optional<std::string>& name) const {
  // UserFactory::newFromName($name) with the default rigor: a valid name, or nothing.
  if (!name) return std::nullopt;
  return canonical_user_name(*name);
}

void AuthManager::save_login_state(AuthFlowState state) {
  session_.mutable_auth_data().authn_state = std::make_shared<const AuthFlowState>(std::move(state));
}

AuthenticationResponse AuthManager::end_login(AuthenticationResponse response, const std::optional<std::string>& user) {
  for (const auto& p : providers_.pre) p->post_authentication(*this, user, response);
  for (const auto& p : providers_.primary) p->post_authentication(*this, user, response);
  for (const auto& p : providers_.secondary) p->post_authentication(*this, user, response);
  if (session_.auth_data().authn_state) session_.mutable_auth_data().authn_state.reset();
  return response;
}

void AuthManager::wrap_create_request(AuthenticationResponse& response) {
  if (!response.create_request) return;
  response.create_request = std::make_shared<const AuthRequest>(create_from_login_request(response.create_request));
}

AuthenticationResponse AuthManager::begin_authentication(std::vector<AuthRequest> requests,
                                                         const std::string& return_url) {
  if (!session_.can_set_user()) {
    if (session_.auth_data().authn_state) session_.mutable_auth_data().authn_state.reset();
    return AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress"));
  }
  const std::optional<std::string> guess = guess_username(requests);
  remove_authentication_data();

  for (const auto& provider : providers_.pre) {
    if (auto refused = provider->test_for_authentication(*this, requests)) {
      // The login in progress, if any, stays (MediaWiki does not remove it here).
      AuthenticationResponse response = AuthenticationResponse::fail(*refused);
      for (const auto& p : providers_.pre) p->post_authentication(*this, valid_user_name(guess), response);
      for (const auto& p : providers_.primary) p->post_authentication(*this, valid_user_name(guess), response);
      for (const auto& p : providers_.secondary) p->post_authentication(*this, valid_user_name(guess), response);
      return response;
    }
  }

  AuthFlowState state;
  state.begin_requests = requests;
  state.return_url = return_url;
  state.guess_username = guess;
  save_login_state(std::move(state));
  session_.persist(now_);
  return continue_authentication(std::move(requests));
}

AuthenticationResponse AuthManager::continue_authentication(std::vector<AuthRequest> requests) {
  if (!session_.can_set_user()) return AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress"));
  const auto& stored = session_.auth_data().authn_state;
  if (!stored) return AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress"));
  AuthFlowState state = *stored;
  state.continue_requests.clear();
  for (auto& request : requests) request.data["returnToUrl"] = state.return_url;
  return continue_login(std::move(state), std::move(requests));
}

AuthenticationResponse AuthManager::continue_login(AuthFlowState state, std::vector<AuthRequest> requests) {
  std::optional<std::string> guess = state.guess_username;

  // Step 1: choose a primary provider and call it until it succeeds.
  if (state.primary.empty()) {
    guess = guess_username(requests);
    state.guess_username = guess;
    state.begin_requests = requests;
    for (const auto& provider : providers_.primary) {
      AuthenticationResponse response = provider->begin_authentication(*this, requests);
      if (response.is(Status::Pass)) {
        state.primary = std::string(provider->id());
        state.primary_response = std::move(response);
        break;
      }
      if (response.is(Status::Fail)) {
        wrap_create_request(response);
        return end_login(std::move(response), valid_user_name(guess));
      }
      if (response.is(Status::Ui) || response.is(Status::Redirect)) {
        fill_requests(response.needed_requests, guess);
        state.primary = std::string(provider->id());
        state.continue_requests = response.needed_requests;
        save_login_state(std::move(state));
        return response;
      }
    }
    if (state.primary.empty()) {
      return end_login(AuthenticationResponse::fail(Message("authmanager-authn-no-primary")), valid_user_name(guess));
    }
  } else if (!state.primary_response) {
    const PrimaryAuthenticationProvider* provider = providers_.primary_by_id(state.primary);
    if (!provider) {
      return end_login(AuthenticationResponse::fail(Message("authmanager-authn-not-in-progress")),
                       valid_user_name(guess));
    }
    AuthenticationResponse response = provider->continue_authentication(*this, requests);
    if (response.is(Status::Pass)) {
      state.primary_response = std::move(response);
    } else if (response.is(Status::Fail)) {
      wrap_create_request(response);
      return end_login(std::move(response), valid_user_name(guess));
    } else if (response.is(Status::Ui) || response.is(Status::Redirect)) {
      fill_requests(response.needed_requests, guess);
      state.continue_requests = response.needed_requests;
      save_login_state(std::move(state));
      return response;
    } else {
      throw InternalError("DomainException",
                          std::string(provider->id()) + "::continuePrimaryAuthentication() returned ABSTAIN");
    }
  }

  const AuthenticationResponse& primary = *state.primary_response;
  if (!primary.username) {
    // Valid third-party credentials that belong to no local user: start again, possibly
    // creating an account from them (ConfirmLinkSecondaryAuthenticationProvider, which would
    // make this "-link", is not enabled by default).
    AuthenticationResponse restart = AuthenticationResponse::restart(Message("authmanager-authn-no-local-user"));
    restart.needed_requests = requests_from(AuthAction::Login, false, true, true);
    if (primary.create_request) {
      restart.create_request = std::make_shared<const AuthRequest>(create_from_login_request(primary.create_request));
      restart.needed_requests.push_back(*restart.create_request);
    }
    for (auto& request : restart.needed_requests) request.username.reset();
    AuthFlowState next;
    next.return_url = state.return_url;
    next.guess_username = state.guess_username;
    next.continue_requests = restart.needed_requests;
    save_login_state(std::move(next));
    return restart;
  }

  // Step 2: the user, created if the provider vouches for a name nobody has yet.
  const auto name = canonical_user_name(*primary.username);
  if (!name) {
    throw InternalError("DomainException", state.primary + " returned an invalid username: " + *primary.username);
  }
  AccountPtr account = wiki_.accounts().by_name(*name);
  if (!account) {
    const PrimaryAuthenticationProvider* provider = providers_.primary_by_id(state.primary);
    if (auto refused = provider ? auto_create_user(*name, *provider)
                                : std::optional<Message>(Message("authmanager-authn-not-in-progress"))) {
      return end_login(AuthenticationResponse::fail(*refused), name);
    }
    account = wiki_.accounts().by_name(*name);
  }

  // Step 3: each secondary provider, with the first step's requests when it starts.
  for (const auto& provider : providers_.secondary) {
    const auto entry = std::find_if(state.secondary.begin(), state.secondary.end(),
                                    [&](const auto& e) { return e.first == provider->id(); });
    AuthenticationResponse response;
    if (entry == state.secondary.end()) {
      response = provider->begin_authentication(*this, *account, state.begin_requests);
    } else if (!entry->second) {
      response = provider->continue_authentication(*this, *account, requests);
    } else {
      continue;
    }
    if (response.is(Status::Pass) || response.is(Status::Abstain)) {
      set_secondary_done(state, provider->id(), true);
    } else if (response.is(Status::Fail)) {
      return end_login(std::move(response), account->name);
    } else if (response.is(Status::Ui) || response.is(Status::Redirect)) {
      fill_requests(response.needed_requests, account->name);
      set_secondary_done(state, provider->id(), false);
      state.continue_requests = response.needed_requests;
      save_login_state(std::move(state));
      return response;
    } else {
      throw InternalError("DomainException", std::string(provider->id()) + " returned RESTART");
    }
  }

  // Step 4: done. "Keep me logged in" comes from the RememberMe request of the first step.
  bool remember = false;
  if (const AuthRequest* r = find_request(state.begin_requests, kRememberMeRequestId))
    remember = r->checked("rememberMe");
  set_session_data_for_user(*account, remember);
  AuthenticationResponse pass = AuthenticationResponse::pass(account->name);
  end_login(pass, account->name);
  remove_authentication_data();
  return pass;
}

void AuthManager::set_session_data_for_user(const Account& account, bool remember) {
  session_.reset_id();
  session_.reset_all_tokens();
  if (session_.can_set_user()) session_.set_user(&account);
  session_.set_remember_user(remember);
  auto& record = session_.mutable_record();
  record.last_auth_id = account.id;
  record.last_auth_timestamp = now_;
  session_.persist(now_);
}

std::optional<Message> AuthManager::auto_create_user(const std::string& name,
                                                     const PrimaryAuthenticationProvider& source) {
  // Anonymous users have createaccount on a stock wiki, so autocreation is allowed; the name
  // was validated by the caller, but must also be creatable. The account has no local password.
  if (!is_creatable_user_name(name)) return Message("noname");
  AccountSpec spec;
  spec.name = name;
  AccountPtr account = wiki_.accounts().create(spec, now_);
  if (!account) return Message("userexists");
  created_account_ = true;
  source.auto_created_account(*this, *account);
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Creating accounts

AuthenticationResponse AuthManager::begin_account_creation(const Account* creator, std::vector<AuthRequest> requests,
                                                           const std::string& return_url) {
  const std::optional<std::string> username = username_from_requests(requests);
  if (!username) return AuthenticationResponse::fail(Message("noname"));
  (void)creator;  // every user, anonymous or not, has the createaccount right on a stock wiki

  // canCreateAccount: the name must be new and creatable.
  auto name = canonical_user_name(*username);
  if (name && wiki_.accounts().by_name(*name)) return AuthenticationResponse::fail(Message("userexists"));
  if (!name || !is_creatable_user_name(*name)) return AuthenticationResponse::fail(Message("noname"));

  for (auto& request : requests) {
    request.username = *name;
    request.data["returnToUrl"] = return_url;
    // UserDataAuthenticationRequest::populateUser: a given email address must look like one.
    if (request.id == kUserDataRequestId) {
      const std::string email = request.value("email").value_or("");
      if (!email.empty() && !is_valid_email(email)) return AuthenticationResponse::fail(Message("invalidemailaddress"));
    }
  }
  remove_authentication_data();
  AuthFlowState state;
  state.username = *name;
  state.begin_requests = requests;
  state.return_url = return_url;
  // createpreservestate: the preserved request's createRequest joins the submitted ones.
  if (const AuthRequest* preserved = find_request(requests, kCreateFromLoginRequestId)) {
    if (preserved->create_request) {
      AuthRequest create = *preserved->create_request;
      create.username = *name;
      requests.push_back(create);
      state.begin_requests.push_back(std::move(create));
    }
  }
  session_.mutable_auth_data().creation_state = std::make_shared<const AuthFlowState>(std::move(state));
  session_.persist(now_);
  return continue_account_creation(std::move(requests));
}

AuthenticationResponse AuthManager::continue_account_creation(std::vector<AuthRequest> requests) {
  const auto& stored = session_.auth_data().creation_state;
  if (!stored) return AuthenticationResponse::fail(Message("authmanager-create-not-in-progress"));
  AuthFlowState state = *stored;
  state.continue_requests.clear();
  auto end_creation = [this](AuthenticationResponse response) {
    if (session_.auth_data().creation_state) session_.mutable_auth_data().creation_state.reset();
    return response;
  };
  if (wiki_.accounts().by_name(state.username))
    return end_creation(AuthenticationResponse::fail(Message("userexists")));
  for (auto& request : requests) {
    request.username = state.username;
    request.data["returnToUrl"] = state.return_url;
  }

  // The providers' tests, once.
  if (state.primary.empty()) {
    for (const auto& p : providers_.pre) {
      if (auto refused = p->test_for_account_creation(*this, state.username, requests)) {
        return end_creation(AuthenticationResponse::fail(*refused));
      }
    }
    for (const auto& p : providers_.primary) {
      if (auto refused = p->test_for_account_creation(*this, state.username, requests)) {
        return end_creation(AuthenticationResponse::fail(*refused));
      }
    }
  }

  const PrimaryAuthenticationProvider* creator_provider = nullptr;
  if (state.primary.empty()) {
    for (const auto& provider : providers_.primary) {
      if (provider->account_creation_type() == PrimaryAuthenticationProvider::CreationType::None) continue;
      AuthenticationResponse response = provider->begin_account_creation(*this, state.username, requests);
      if (response.is(Status::Pass)) {
        state.primary = std::string(provider->id());
        state.primary_response = std::move(response);
        creator_provider = provider.get();
        break;
      }
      if (response.is(Status::Fail)) return end_creation(std::move(response));
      if (response.is(Status::Ui) || response.is(Status::Redirect)) {
        state.primary = std::string(provider->id());
        state.continue_requests = response.needed_requests;
        session_.mutable_auth_data().creation_state = std::make_shared<const AuthFlowState>(std::move(state));
        return response;
      }
    }
    if (!creator_provider) return end_creation(AuthenticationResponse::fail(Message("authmanager-create-no-primary")));
  } else {
    creator_provider = providers_.primary_by_id(state.primary);
    if (!creator_provider) {
      return end_creation(AuthenticationResponse::fail(Message("authmanager-create-not-in-progress")));
    }
  }

  AccountSpec spec;
  spec.name = state.username;
  AccountPtr account = wiki_.accounts().create(spec, now_);
  if (!account) return end_creation(AuthenticationResponse::fail(Message("userexists")));
  created_account_ = true;
  // finishAccountCreation: the provider stores its credentials (the password) on the account;
  // every provider sees the requests, so a preserved third-party identity gets linked.
  if (const AuthRequest* data = find_request(state.begin_requests, kUserDataRequestId)) {
    wiki_.accounts().modify(account->id, [&](Account& a) {
      a.email = data->value("email").value_or("");
      a.realname = data->value("realname").value_or("");
    });
  }
  creator_provider->account_created(*this, *account, state.begin_requests);
  for (const auto& provider : providers_.primary) {
    if (provider.get() != creator_provider) provider->account_created(*this, *account, state.begin_requests);
  }
  AuthenticationResponse pass = AuthenticationResponse::pass(account->name);
  end_creation(pass);
  remove_authentication_data();
  return pass;
}

// ---------------------------------------------------------------------------------------------

std::string AuthManager::security_sensitive_operation_status(std::string_view operation) const {
  (void)operation;  // $wgReauthenticateTime has only a default
  if (session_.is_anonymous()) return can_authenticate_now() ? "reauth" : "fail";
  // A session that cannot reauthenticate: $wgAllowSecuritySensitiveOperationIfCannotReauthenticate.
  if (!session_.can_set_user()) return "ok";
  const auto& record = session_.record();
  if (record.last_auth_id != session_.user_id() || record.last_auth_timestamp == 0) return "reauth";
  return now_ - record.last_auth_timestamp > kReauthenticateTime ? "reauth" : "ok";
}

}  // namespace mockwiki::auth
