// The base of tests that talk to a mock wiki over HTTP: a fresh in-process MockWiki (default
// accounts, port 0) and a client with an empty cookie jar, per test.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mockwiki/server.h"
#include "support/api_client.h"

namespace mockwiki::testing {

class MockWikiTest : public ::testing::Test {
 protected:
  MockWikiTest() : MockWikiTest(MockWiki::Options{}) {}
  explicit MockWikiTest(MockWiki::Options options) : wiki(std::move(options)), client(wiki.api_url()) {}

  // Another client: its own cookie jar, so its own session.
  ApiClient another_client() { return ApiClient(wiki.api_url()); }
  std::string docref() const { return testing::docref(wiki.api_url()); }

  MockWiki wiki;
  ApiClient client;
};

}  // namespace mockwiki::testing
