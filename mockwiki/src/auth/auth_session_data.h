// What AuthManager, its providers and the API's AuthManager helper keep in a session between
// requests: the login in progress, the account creation in progress, providers' scratch data
// and the state a FAIL or RESTART left to preserve.
//
// A session record shares this with the store until a request changes it; Session copies it
// first (copy on write), so requests in flight never see each other's half-made changes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/authentication_request.h"

namespace mockwiki::auth {

// AuthManager::authnState (and accountCreationState, which has the same shape): a login or
// account creation between two steps.
struct AuthFlowState {
  std::vector<AuthRequest> begin_requests;  // 'reqs': what the first step submitted
  std::string return_url;                   // 'returnToUrl'
  std::optional<std::string> guess_username;
  std::string primary;                                     // the primary provider's id once one answered; empty before
  std::optional<AuthenticationResponse> primary_response;  // its PASS, once it passed
  std::vector<std::pair<std::string, bool>> secondary;     // secondary provider id -> done
  std::vector<AuthRequest> continue_requests;              // what the next step may submit
  std::string username;                                    // account creation: the new name
};

struct AuthSessionData {
  std::shared_ptr<const AuthFlowState> authn_state;     // 'AuthManager::authnState'
  std::shared_ptr<const AuthFlowState> creation_state;  // 'AuthManager::accountCreationState'
  Json auth_data = Json::object();                      // 'authData': providers' scratch data
  Json values = Json::object();                         // other keys extensions keep in the session
  // 'ApiAuthManagerHelper::createRequest': the CreateFromLoginAuthenticationRequest of the last
  // FAIL or RESTART, for loginpreservestate and createpreservestate.
  std::shared_ptr<const AuthRequest> preserved_create_request;
};

}  // namespace mockwiki::auth
