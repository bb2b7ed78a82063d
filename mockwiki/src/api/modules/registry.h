// The modules the mock answers, and the names MediaWiki 1.39 has (ApiMain::MODULES,
// ApiQuery::QUERY_*_MODULES), so that a real-but-unimplemented module gets an honest
// "not implemented" error instead of MediaWiki's "unrecognized value".
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "api/module.h"

namespace mockwiki::api::modules {

// Every action of MediaWiki 1.39 core, in ApiMain's order (it is part of a badvalue error).
const std::vector<std::string_view>& action_names();
std::vector<std::string_view> implemented_action_names();
// The module for an action, or nullptr when the mock does not implement it.
std::unique_ptr<ApiModule> make_action(std::string_view name);

enum class QueryGroup { Prop, List, Meta };
const std::vector<std::string_view>& query_module_names(QueryGroup group);
// A query submodule ("query+tokens"), or nullptr when not implemented.
std::unique_ptr<ApiModule> make_query_module(QueryGroup group, std::string_view name);

// The factories, one per module file.
std::unique_ptr<ApiModule> make_login();
std::unique_ptr<ApiModule> make_clientlogin();
std::unique_ptr<ApiModule> make_logout();
std::unique_ptr<ApiModule> make_createaccount();
std::unique_ptr<ApiModule> make_query();
std::unique_ptr<ApiModule> make_checktoken();
std::unique_ptr<ApiModule> make_help();
std::unique_ptr<ApiModule> make_tokens();
std::unique_ptr<ApiModule> make_userinfo();
std::unique_ptr<ApiModule> make_authmanagerinfo();
std::unique_ptr<ApiModule> make_siteinfo();

}  // namespace mockwiki::api::modules
