// What the command-line programs share: reading "--flag VALUE" and "--flag=VALUE", and usage
// errors (the message, a pointer to --help, exit status 2).
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace tools {

[[noreturn]] inline void usage_error(std::string_view program, const std::string& message) {
  std::cerr << program << ": " << message << "\nTry '" << program << " --help'.\n";
  std::exit(2);
}

// The arguments, one at a time: while (args.next()) { if (args.flag() == "--port") ... }
class Arguments {
 public:
  Arguments(std::string_view program, int argc, char** argv) : program_(program), argc_(argc), argv_(argv) {}

  bool next() {
    if (++index_ >= argc_) return false;
    arg_ = argv_[index_];
    return true;
  }
  // The whole argument, and its part before any '='.
  const std::string& arg() const { return arg_; }
  std::string flag() const { return arg_.substr(0, arg_.find('=')); }
  // The flag's value: after its '=', else the next argument.
  std::string value() {
    if (auto eq = arg_.find('='); eq != std::string::npos) return arg_.substr(eq + 1);
    if (index_ + 1 >= argc_) usage_error(program_, flag() + " needs a value");
    return argv_[++index_];
  }

 private:
  std::string_view program_;
  int argc_;
  char** argv_;
  int index_ = 0;
  std::string arg_;
};

}  // namespace tools
