// An exception MediaWiki itself would throw inside a module (a PHP TypeError, a
// DomainException, ...). ApiMain reports it as MediaWiki reports an uncaught exception:
// internal_api_error_<class>, with the class as "errorclass".
#pragma once

#include <stdexcept>
#include <string>

namespace mockwiki {

class InternalError : public std::runtime_error {
 public:
  InternalError(std::string php_class, const std::string& message)
      : std::runtime_error(message), php_class_(std::move(php_class)) {}
  const std::string& php_class() const { return php_class_; }

 private:
  std::string php_class_;
};

}  // namespace mockwiki
