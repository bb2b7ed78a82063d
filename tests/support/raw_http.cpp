#include "support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>

namespace mockwiki::testing {

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval timeout{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

RawReply raw_exchange(int port, const std::string& bytes, bool half_close) {
  RawReply reply;
  const int fd = connect_to(port);
  if (fd < 0) return reply;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading everything
    sent += static_cast<std::size_t>(n);
  }
  if (half_close) ::shutdown(fd, SHUT_WR);  // nothing more is coming
  // Read to the end of the connection, or of the final answer if it says how long it is (a
  // server may keep the connection open even when asked to close it).
  std::string in;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    in.append(buffer, static_cast<std::size_t>(n));
    std::size_t head_start = 0;
    while (in.compare(head_start, 12, "HTTP/1.1 100") == 0 && in.find("\r\n\r\n", head_start) != std::string::npos) {
      head_start = in.find("\r\n\r\n", head_start) + 4;
    }
    const std::size_t head_end = in.find("\r\n\r\n", head_start);
    if (head_end == std::string::npos) continue;
    std::string head = in.substr(head_start, head_end - head_start);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::size_t length_at = head.find("\r\ncontent-length:");
    if (length_at == std::string::npos) continue;
    const std::size_t length = std::strtoul(head.c_str() + length_at + 17, nullptr, 10);
    if (in.size() >= head_end + 4 + length) break;
  }
  ::close(fd);
  // Skip any "100 Continue" before the final answer.
  std::size_t start = 0;
  while (in.compare(start, 12, "HTTP/1.1 100") == 0) {
    const std::size_t end = in.find("\r\n\r\n", start);
    if (end == std::string::npos) break;
    start = end + 4;
  }
  if (in.compare(start, 5, "HTTP/") == 0 && in.size() >= start + 12) {
    reply.status = std::atoi(in.c_str() + start + 9);
  }
  const std::size_t end = in.find("\r\n\r\n", start);
  reply.head = in.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (end != std::string::npos) reply.body = in.substr(end + 4);
  reply.json = Json::parse(reply.body, nullptr, false);
  if (reply.json.is_discarded()) reply.json = Json();
  return reply;
}

std::string http_request(const std::string& method, const std::string& target, const std::string& headers,
                         const std::string& body, bool content_length) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
  if (content_length) out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return out + "\r\n" + body;
}

std::string read_one_answer(int fd) {
  std::string in;
  char buffer[4096];
  for (;;) {
    const std::size_t head_end = in.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      const std::size_t at = in.find("Content-Length: ");
      if (at != std::string::npos && in.size() >= head_end + 4 + std::stoul(in.substr(at + 16))) return in;
    }
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return in;
    in.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace mockwiki::testing
