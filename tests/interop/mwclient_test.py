#!/usr/bin/python3
"""Debian's python3-mwclient against the standalone mock (MOCKWIKI_API): it connects the way it
connects to any wiki (siteinfo and userinfo), logs in with a bot password and with a main
account, reads userinfo and tokens, and sees a wrong password rejected. Exit 77 (skipped)
when mwclient is not installed."""
import os
import sys
import unittest
from urllib.parse import urlparse

try:
    import mwclient
except ImportError:
    print("python3-mwclient is not installed (apt-get install python3-mwclient); skipping")
    sys.exit(77)

API = os.environ["MOCKWIKI_API"]
URL = urlparse(API)


def new_site():
    return mwclient.Site(URL.netloc, path=URL.path[: -len("api.php")], scheme=URL.scheme)


class MwclientAgainstMockwiki(unittest.TestCase):
    def test_connecting_reads_the_mediawiki_version(self):
        site = new_site()
        self.assertEqual(site.version[:2], (1, 39))
        self.assertFalse(site.logged_in)

    def test_bot_password_login_gives_the_bot_user_and_its_grant_limited_rights(self):
        site = new_site()
        site.login("Robo@mybot", "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9")
        self.assertTrue(site.logged_in)
        self.assertEqual(site.username, "Robo")
        self.assertEqual(site.groups, ["bot", "*", "user", "autoconfirmed"])
        self.assertIn("bot", site.rights)
        self.assertNotIn("suppressredirect", site.rights)  # a bot-group right the grants leave out

    def test_userinfo_after_login_names_the_user(self):
        site = new_site()
        site.login("Alice@alicebot", "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2")
        info = site.api("query", meta="userinfo")["query"]["userinfo"]
        self.assertEqual(info["name"], "Alice")
        self.assertNotIn("anon", info)

    def test_csrf_token_after_login_is_a_session_token(self):
        site = new_site()
        site.login("Robo@mybot", "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9")
        token = site.get_token("csrf")
        self.assertRegex(token, r"^[0-9a-f]{40}\+\\$")

    def test_main_account_login_works_with_action_login(self):
        site = new_site()
        site.login("Alice", "AlicePassw0rd!23")
        self.assertTrue(site.logged_in)
        self.assertEqual(site.username, "Alice")

    def test_a_wrong_password_is_a_login_error(self):
        site = new_site()
        with self.assertRaises(mwclient.errors.LoginError) as raised:
            site.login("Robo", "not-the-password")
        self.assertIn("Incorrect username or password entered", str(raised.exception))
        # (mwclient's own logged_in flag is not reliable after a failed login, on any wiki.)
        info = site.api("query", meta="userinfo")["query"]["userinfo"]
        self.assertIn("anon", info)


if __name__ == "__main__":
    unittest.main(verbosity=2)
