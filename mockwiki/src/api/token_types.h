// The token types of ApiQueryTokens::getTokenTypeSalts and how a session makes each one:
// login and createaccount have secrets of their own (and persist the session); the csrf
// family shares the "default" secret with different salts, and is "+\" for anonymous users.
#pragma once

#include <string_view>
#include <vector>

#include "api/context.h"
#include "session/token.h"

namespace mockwiki::api {

// All core types, sorted as ksort() leaves them.
const std::vector<std::string_view>& token_types();
bool is_token_type(std::string_view type);

// ApiQueryTokens::getToken: the token object of a type for the request's user and session.
session::Token token_for(ApiContext& ctx, std::string_view type);
// A token of the csrf family for an explicit salt (ApiBase::getWebUITokenSalt).
session::Token edit_token_for(ApiContext& ctx, std::string_view salt);

}  // namespace mockwiki::api
