// An exception MediaWiki itself would throw inside a module (a PHP TypeError, a
// DomainException, ...). ApiMain reports it as MediaWiki reports an uncaught exception:
// internal_api_error_<class>, with the class as "errorclass".
#pragma once

#include <stdexcept>
#include <string>

namespace mockwiki {

class InternalError : public std::runtime_error {
 public:
  // `trace`: MWExceptionHandler::getRedactedTraceAsString's text, as the reference wiki (a
  // Debian install under /usr/share/mediawiki) would show it.
  InternalError(std::string php_class, const std::string& message, std::string trace = {})
      : std::runtime_error(message), php_class_(std::move(php_class)), trace_(std::move(trace)) {}
  const std::string& php_class() const { return php_class_; }
  const std::string& trace() const { return trace_; }

 private:
  std::string php_class_;
  std::string trace_;
};

}  // namespace mockwiki
