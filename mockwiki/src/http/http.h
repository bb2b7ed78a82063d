// The transport-independent request and response the API layer works on. server.cpp fills
// them from cpp-httplib, so nothing past the transport includes httplib.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockwiki::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;        // "GET", "POST", "PUT", ...
  std::string path;          // "/api.php"
  std::string query_string;  // the raw part of the target after '?'
  Headers headers;
  std::string body;
  // multipart/form-data fields without a file name, already split by the transport.
  std::vector<std::pair<std::string, std::string>> form_fields;
  std::string remote_addr;

  // First header of that name (case-insensitive).
  std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;

  void add_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace mockwiki::http
