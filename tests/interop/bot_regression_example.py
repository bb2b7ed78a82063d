#!/usr/bin/env python3
"""A bot's regression test against the standalone mockwiki, in Python with only the standard
library: the README's example of driving the mock's admin API from another language.

    python3 bot_regression_example.py [PATH_TO_MOCKWIKI]     (default: mockwiki on PATH)

It starts the mock on a free port, reads its api.php URL from the first line on stdout, logs a
small bot in with a bot password, then moves the mock's clock past session expiry (the bot
must notice assertuserfailed and log in again) and injects maxlag (the bot must wait for
Retry-After and retry). Exit status 0 when the bot copes, 1 otherwise.
"""
import http.cookiejar
import json
import subprocess
import sys
import urllib.parse
import urllib.request


class Bot:
    """The client under test: logs in with a bot password, keeps assert=user and maxlag on
    every request, logs in again when its session dies, and waits out maxlag."""

    def __init__(self, api, user, password):
        self.api, self.user, self.password = api, user, password
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.logins = 0
        self.waited = []  # the Retry-After values the bot obeyed

    def _call(self, params, post=False):
        params = dict(params, format="json", formatversion="2")
        data = urllib.parse.urlencode(params).encode()
        if post:
            request = urllib.request.Request(self.api, data=data)
        else:
            request = urllib.request.Request(self.api + "?" + data.decode())
        with self.opener.open(request) as response:
            return json.load(response), response.headers

    def login(self):
        reply, _ = self._call({"action": "query", "meta": "tokens", "type": "login"})
        token = reply["query"]["tokens"]["logintoken"]
        reply, _ = self._call({"action": "login", "lgname": self.user, "lgpassword": self.password,
                               "lgtoken": token}, post=True)
        if reply["login"]["result"] != "Success":
            raise RuntimeError("login failed: %r" % reply)
        self.logins += 1

    def query(self, params):
        for _ in range(5):
            reply, headers = self._call(dict(params, **{"assert": "user", "maxlag": "5"}))
            code = reply.get("errors", [{}])[0].get("code") if "errors" in reply else \
                reply.get("error", {}).get("code")
            if code == "assertuserfailed":
                self.login()
            elif code == "maxlag":
                # A real bot sleeps here; this one records what it would wait.
                self.waited.append(int(headers["Retry-After"]))
            elif code:
                raise RuntimeError("API error: %r" % reply)
            else:
                return reply
        raise RuntimeError("gave up after 5 tries")

    def whoami(self):
        return self.query({"action": "query", "meta": "userinfo"})["query"]["userinfo"]["name"]


def admin(api, path, body=None):
    """POST (or GET without a body) to the mock's admin API."""
    url = api.rsplit("/api.php", 1)[0] + "/__mockwiki/" + path
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, data=data)) as response:
        return json.load(response)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "mockwiki"
    mock = subprocess.Popen([binary, "--port", "0", "--quiet"], stdout=subprocess.PIPE, text=True)
    try:
        api = mock.stdout.readline().strip()  # the first line is the api.php URL
        bot = Bot(api, "Alice@alicebot", "b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2")
        bot.login()
        assert bot.whoami() == "Alice"

        # Sessions expire after 3600 s unused: move the mock's clock past that.
        admin(api, "clock", {"advance": 3601})
        assert bot.whoami() == "Alice"
        assert bot.logins == 2, "the bot should have logged in again once, not %d times" % (bot.logins - 1)

        # The next two queries are told the database lags 10 s.
        admin(api, "faults", {"match": {"action": "query"}, "fault": "maxlag", "lag": 10, "times": 2})
        assert bot.whoami() == "Alice"
        assert bot.waited == [5, 5], "the bot should have obeyed Retry-After twice: %r" % bot.waited

        # The journal shows what the bot did: every query carried assert=user.
        journal = admin(api, "journal")["journal"]
        queries = [e for e in journal if e["action"] == "query" and e["params"].get("meta") == "userinfo"]
        assert all(e["params"].get("assert") == "user" for e in queries)
        print("ok: %d requests, %d logins, waited %r" % (len(journal), bot.logins, bot.waited))
        return 0
    except (AssertionError, RuntimeError) as failure:
        print("FAILED:", failure, file=sys.stderr)
        return 1
    finally:
        mock.terminate()
        mock.wait()


if __name__ == "__main__":
    sys.exit(main())
