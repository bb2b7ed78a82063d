// The admin HTTP API under /__mockwiki/ (the standalone server's control plane; README lists
// the endpoints): JSON in and out over the same ControlPlane, clock and fault list the C++ API
// uses. Errors are {"error": {"code", "info"}} with 400 (bad input), 401 (no or wrong admin
// token), 404 (no such endpoint, account or session) or 405 (wrong method).
#pragma once

#include <string>
#include <string_view>

#include "control/control_plane.h"
#include "http/http.h"
#include "wiki.h"

namespace mockwiki::control {

inline constexpr std::string_view kAdminPrefix = "/__mockwiki";

class AdminApi {
 public:
  // `token`: when not empty, each request must carry "Authorization: Bearer <token>".
  AdminApi(Wiki& wiki, ControlPlane& control, std::string token)
      : wiki_(wiki), control_(control), token_(std::move(token)) {}

  static bool serves(std::string_view path) {
    return path == kAdminPrefix || (path.starts_with(kAdminPrefix) && path[kAdminPrefix.size()] == '/');
  }
  http::Response handle(const http::Request& request);

 private:
  Wiki& wiki_;
  ControlPlane& control_;
  std::string token_;
};

}  // namespace mockwiki::control
