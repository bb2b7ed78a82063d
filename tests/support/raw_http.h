// Raw HTTP for the tests that need what the test client cannot send or see: bodies without a
// Content-Type, odd methods, half-sent requests, connections kept open.
#pragma once

#include <string>

#include "support/api_client.h"

namespace mockwiki::testing {

struct RawReply {
  int status = 0;    // 0 if no answer came
  std::string head;  // the status line and headers
  std::string body;
  Json json;  // null unless the body is JSON
};

// A new connection to 127.0.0.1:port, -1 if none. It has a 30 s receive timeout so that a hung
// server fails a test instead of hanging it.
int connect_to(int port);
// Sends the bytes as they are on a new connection and reads the answer (to the end of the
// connection, or of the final answer when it says its length). `half_close`: shut the sending
// side once the bytes are out, as some clients do.
RawReply raw_exchange(int port, const std::string& bytes, bool half_close = false);
// Reads one answer with a Content-Length from a connection that stays open.
std::string read_one_answer(int fd);
// "METHOD target HTTP/1.1" with Host and "Connection: close", the given header lines (each
// ending in \r\n), a Content-Length unless told not to, and the body.
std::string http_request(const std::string& method, const std::string& target, const std::string& headers,
                         const std::string& body, bool content_length = true);

}  // namespace mockwiki::testing
