// ApiErrorFormatter and ApiErrorFormatter_BackCompat: how errors and warnings enter the result
// for each errorformat (core:includes/api/ApiErrorFormatter*.php).
#pragma once

#include <optional>
#include <string_view>

#include "api/message.h"
#include "api/result.h"

namespace mockwiki::api {

enum class ErrorFormat { Bc, Plaintext, Wikitext, Html, Raw, None };

// The errorformat values ApiMain accepts; anything else means bc.
std::optional<ErrorFormat> parse_error_format(std::string_view value);

class ErrorFormatter {
 public:
  ErrorFormatter(ApiResult& result, ErrorFormat format) : result_(result), format_(format) {}

  ErrorFormat format() const { return format_; }
  bool is_bc() const { return format_ == ErrorFormat::Bc; }

  // ApiErrorFormatter::formatMessage: {code, text|html|key+params, data} for this format.
  Json format_message(const Message& message) const;
  // ApiLogin::formatMessage: a plain English string for bc, formatMessage() otherwise.
  Json format_reason(const Message& message) const;

  // Adds a warning for a module path ("main", "login", "query+tokens"). Duplicates are
  // dropped; bc joins one module's warnings with newlines.
  void add_warning(std::string_view module_path, const Message& message);
  // Adds an error; bc keeps only the first. An empty module path is MediaWiki's null.
  void add_error(std::string_view module_path, const Message& message);

 private:
  ApiResult& result_;
  ErrorFormat format_;
};

}  // namespace mockwiki::api
