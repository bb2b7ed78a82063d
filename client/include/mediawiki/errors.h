// mediawiki/errors.h: what the client throws. Every failure is one of these, never a crash:
// the API's errors (ApiError), logins that did not succeed (LoginError), and answers that
// never came or are not the API's (TransportError, ProtocolError).
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace mediawiki {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The API answered with an error: its code ("badtoken", "maxlag", "assertuserfailed", ...),
// its text, and the error object as the API sent it (with data such as "lag").
class ApiError : public Error {
 public:
  ApiError(std::string code, std::string info, nlohmann::json details)
      : Error(code + ": " + info), code_(std::move(code)), info_(std::move(info)), details_(std::move(details)) {}
  const std::string& code() const { return code_; }
  const std::string& info() const { return info_; }
  const nlohmann::json& details() const { return details_; }

 private:
  std::string code_;
  std::string info_;
  nlohmann::json details_;
};

// A login that did not succeed: action=login's result ("Failed", "WrongToken", "Aborted", ...)
// and reason, or clientlogin's status ("FAIL") with its messagecode and message.
class LoginError : public Error {
 public:
  LoginError(std::string result, std::string reason, std::string message_code = {})
      : Error("login " + result + ": " + reason),
        result_(std::move(result)),
        reason_(std::move(reason)),
        message_code_(std::move(message_code)) {}
  const std::string& result() const { return result_; }
  const std::string& reason() const { return reason_; }
  const std::string& message_code() const { return message_code_; }

 private:
  std::string result_;
  std::string reason_;
  std::string message_code_;
};

// No answer (connection refused or reset, timeout), or an HTTP error status (5xx from a proxy).
// status() is 0 when no answer came.
class TransportError : public Error {
 public:
  TransportError(const std::string& what, int status) : Error(what), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// An answer that is not the API's JSON: an HTML page, a truncated body.
class ProtocolError : public Error {
 public:
  ProtocolError(const std::string& what, std::string body) : Error(what), body_(std::move(body)) {}
  const std::string& body() const { return body_; }

 private:
  std::string body_;
};

}  // namespace mediawiki
