// Request parameters as PHP and MediaWiki's WebRequest see them.
//
// PHP builds $_GET from the query string and, for POST requests with a form content type,
// $_POST from the body; names lose leading spaces, '.' and ' ' become '_', "a[]" or "a[x]"
// make an array, and a later duplicate wins. WebRequest merges the two with the body winning
// ($_POST + $_GET), repairs invalid UTF-8 in values, and treats an array as no value.
// ApiBase::requirePostedParameters needs to know which names came in the query string, so that
// is kept too.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/http.h"

namespace mockwiki::http {

class RequestParams {
 public:
  static RequestParams from(const Request& request);

  // WebRequest::getVal: the value, or nullptr when the parameter is absent or an array.
  const std::string* value(std::string_view name) const;
  // WebRequest::getRawVal: the same before UTF-8 repair.
  const std::string* raw_value(std::string_view name) const;
  // WebRequest::getCheck: present with a (string) value, even an empty one.
  bool has(std::string_view name) const { return value(name) != nullptr; }
  // Present, but with PHP's array syntax.
  bool is_array(std::string_view name) const;
  // In $_GET (whether or not the body also has it).
  bool in_query_string(std::string_view name) const;
  // WebRequest::getValueNames: body names, then query-string names not in the body.
  const std::vector<std::string>& names() const { return order_; }
  // All string values, in names() order (for logging and fault matching).
  std::vector<std::pair<std::string, std::string>> values() const;

 private:
  struct Entry {
    std::string name;
    std::string value;  // after UTF-8 repair
    std::string raw;    // as sent
    bool is_array = false;
  };
  const Entry* find(std::string_view name) const;

  std::vector<Entry> entries_;  // merged, in names() order
  std::vector<std::string> order_;
  std::vector<std::string> query_names_;
};

}  // namespace mockwiki::http
