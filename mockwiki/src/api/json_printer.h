// ApiFormatJson: the result as MediaWiki's printer writes it.
//
// formatversion=1 applies ApiResult's BC transformations (true -> "", false dropped unless
// listed in "_bcbools", the "_content" member renamed "*" and moved last); both versions drop
// metadata members. Escaping follows FormatJson::encode: '/' is never escaped, U+2028 and
// U+2029 always are, and other non-ASCII characters only when asked (formatversion=1 without
// utf8=1, or formatversion=2 with ascii=1).
#pragma once

#include <string>

#include "api/message.h"

namespace mockwiki::api {

struct JsonStyle {
  int format_version = 1;
  bool escape_unicode = true;
  bool pretty = false;           // jsonfm: JSON_PRETTY_PRINT, four spaces
  bool escape_xml_meta = false;  // JSON_HEX_TAG | JSON_HEX_AMP: <, > and & as \u003C, \u003E, \u0026
};

std::string print_json(const Json& root, const JsonStyle& style);

// The value after the formatversion transformation, metadata removed (for tests and for
// callers that want the client's view without serializing).
Json client_view(const Json& root, int format_version);

}  // namespace mockwiki::api
