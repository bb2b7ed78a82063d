#!/usr/bin/env python3
"""flowprobe: replay multi-step login flows (captchas, pages a login redirects to) against any
api.php, and record or compare normalized transcripts. wikiprobe's format and normalization,
plus two step types wikiprobe lacks.

  flowprobe record  --api URL --cases FILE... --out DIR
  flowprobe compare --api URL --cases FILE... --ref DIR [--verbose]

A case file is JSON: {"fixture": "vars.json", "cases": [{"name", "doc", "steps": [...]}, ...]}.
Each case starts with an empty cookie jar. A step is one of
  {"get":  {params}}                     GET api.php with params in the query string
  {"post": {params}, "query": {params}}  POST a form body to api.php (+ optional query string)
  {"visit": "{URL}", "params": {...}}    GET a web page with the jar (params are added to its
                                         query string) and follow its redirects while they stay
                                         on the wiki's host; records each hop's status, Location
                                         and Set-Cookie attributes (no body). Options:
                                           "follow": false     record the first answer only
                                           "hops": "last"      record only the last hop (or
                                                               "first"; default "all")
and may also have
  "jar": "fresh" | "keep"                empty the cookie jar before the step (default keep)
  "session": "B"                         from this step on, use cookie jar B (empty when first
                                         used; the case starts in jar "A"): two sessions at once
  "drop_cookies": ["_session", ...]      drop cookies whose name ends with these, before it
  "save": {"VAR": "dotted.path"}         after it, VAR = that value of the JSON reply
  "captcha": {"VAR": "dotted.path"}      after it, VAR = the answer of the captcha question at
                                         that path ("75+2 =" or "75\u22122 =", U+2212 minus)
  "mask": {"dotted.path": "<text>"}      record the reply's value there (if any) as <text>:
                                         for values that differ between servers by design
Values may use {VAR}; VARs come from the "vars" of the case file's "fixture" (a path relative
to the case file; default fixture.json beside it), from save/captcha, and API (the --api URL)
and SERVER (its scheme://host:port).

Normalization, so that two correct servers agree: tokens become <token>, positive user ids
<id>; the api.php URL in text becomes <api>, and the wiki's scheme://host:port elsewhere (in
bodies and Location headers) <server>; cookie names lose their wiki prefix; each Set-Cookie
is recorded as its attributes (Max-Age, path, HttpOnly..., not its value or Expires date),
and a cookie set to "deleted" or Max-Age=0 is listed under deleted_cookies. Volatile values:
servedby, curtimestamp, requestid, emailauthenticated; a captchaId field's value (digits)
becomes <captcha-id>, a captchaInfo field's value of the form "a+b =" / "a\u2212b ="
<captcha-question>; request ids ("[<24 hex>]" in text, or a string of 24 hex digits) become
[<reqid>] and <reqid>; an exception trace
("TypeError at /path(line)\\nfrom ...") becomes <trace>, and a PHP file path in text keeps
only its part from includes/ on (<install>/includes/...). Only the standard library is used.
Exit status: 0 when every case matches (compare) or was recorded, 1 otherwise.
"""
import argparse
import http.cookiejar
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

TOKEN_RE = re.compile(r"^[0-9a-f]{32,64}\+\\$")
API_RE = re.compile(r"https?://[^\s<>\"&]+/api\.php")
REQID_RE = re.compile(r"\[[0-9a-f]{24}\]")
BARE_REQID_RE = re.compile(r"^[0-9a-f]{24}$")
TRACE_RE = re.compile(r"^[\w\\]+ at \S+\(\d+\)\n")
PATH_RE = re.compile(r"(?:/[\w.+-]+)+?/(includes/[\w/.-]+\.php)")
CAPTCHA_RE = re.compile("^(-?[0-9]+) ?([+\u2212-]) ?([0-9]+) =$")
VOLATILE_KEYS = {"servedby", "curtimestamp", "requestid", "emailauthenticated"}
ID_KEYS = {"lguserid", "id", "userid"}
COOKIE_SUFFIXES = ("_BPsession", "_session", "UserID", "UserName", "Token")


def load_cases(paths):
    cases, env = [], {}
    for p in paths:
        with open(p) as f:
            doc = json.load(f)
        cases += doc["cases"]
        fx = os.path.join(os.path.dirname(p), doc.get("fixture", "fixture.json"))
        if os.path.exists(fx):
            with open(fx) as f:
                env.update(json.load(f).get("vars", {}))
    return cases, env


def subst(value, env):
    if isinstance(value, str):
        return re.sub(r"\{([A-Z_0-9]+)\}", lambda m: str(env.get(m.group(1), m.group(0))), value)
    return value


def dig(doc, path):
    for part in path.split("."):
        if isinstance(doc, list):
            doc = doc[int(part)] if part.lstrip("-").isdigit() and -len(doc) <= int(part) < len(doc) else None
        elif isinstance(doc, dict):
            doc = doc.get(part)
        else:
            return None
    return doc


def captcha_answer(question):
    m = CAPTCHA_RE.match(question) if isinstance(question, str) else None
    if not m:
        return None
    a, op, b = int(m.group(1)), m.group(2), int(m.group(3))
    return str(a + b if op == "+" else a - b)


class Normalizer:
    def __init__(self, api):
        u = urllib.parse.urlsplit(api)
        self.server = f"{u.scheme}://{u.netloc}"

    def text(self, s):
        if TRACE_RE.match(s):
            return "<trace>"
        s = API_RE.sub("<api>", s).replace(self.server, "<server>")
        s = REQID_RE.sub("[<reqid>]", s)
        return PATH_RE.sub(r"<install>/\1", s)

    def __call__(self, node, key=None):
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k in VOLATILE_KEYS:
                    out[k] = "<volatile>"
                elif k in ("captchaId", "captchaInfo") and isinstance(v, dict) and isinstance(v.get("value"), str):
                    v = dict(v)
                    if k == "captchaId" and v["value"].isdigit():
                        v["value"] = "<captcha-id>"
                    elif k == "captchaInfo" and CAPTCHA_RE.match(v["value"]):
                        v["value"] = "<captcha-question>"
                    out[k] = self(v, k)
                else:
                    out[k] = self(v, k)
            return out
        if isinstance(node, list):
            return [self(v) for v in node]
        if isinstance(node, str):
            if TOKEN_RE.match(node):
                return "<token>"
            return "<reqid>" if BARE_REQID_RE.match(node) else self.text(node)
        if isinstance(node, int) and not isinstance(node, bool) and key in ID_KEYS and node > 0:
            return "<id>"
        return node


def cookie_name(name):
    # "refwiki_session" -> "_session", "refwikiUserID" -> "UserID"
    return next((s for s in COOKIE_SUFFIXES if name.endswith(s)), name)


def cookies_of(headers):
    """{suffix: attributes} of the cookies set, and the sorted suffixes of those deleted."""
    kept, deleted = {}, set()
    for line in headers.get_all("Set-Cookie") or []:
        parts = [p.strip() for p in line.split(";")]
        name, _, value = parts[0].partition("=")
        attrs = []
        for a in parts[1:]:
            k, eq, v = a.partition("=")
            if k and k.lower() != "expires":
                attrs.append(k.lower() + (("=" + v) if eq else ""))
        if value == "deleted" or "max-age=0" in attrs:
            deleted.add(cookie_name(name))
        else:
            kept[cookie_name(name)] = "; ".join(sorted(attrs))
    return dict(sorted(kept.items())), sorted(deleted)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # flowprobe follows (or not) itself


class Client:
    """One cookie jar; answers are (status, headers, body bytes), redirects not followed."""

    def __init__(self, timeout):
        self.jar = http.cookiejar.CookieJar()
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url, data=None):
        req = urllib.request.Request(url, data=data, headers={"User-Agent": "flowprobe"})
        try:
            with self.opener.open(req, timeout=self.timeout) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            with e:
                return e.code, e.headers, e.read()

    def drop(self, suffix=None):
        for c in list(self.jar):
            if suffix is None or c.name.endswith(suffix):
                self.jar.clear(c.domain, c.path, c.name)


def with_query(url, params):
    if not params:
        return url
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


def api_step(client, api, step, env, norm):
    query = {k: subst(v, env) for k, v in step.get("query", {}).items()}
    if "get" in step:
        params = {k: subst(v, env) for k, v in step["get"].items()}
        params.update(query)
        status, headers, raw = client.request(with_query(api, params))
        req = {"method": "GET", "params": step["get"]}
    else:
        body = {k: subst(v, env) for k, v in step["post"].items()}
        status, headers, raw = client.request(with_query(api, query), urllib.parse.urlencode(body).encode())
        req = {"method": "POST", "body": step["post"]}
        if step.get("query"):
            req["query"] = step["query"]
    try:
        doc = json.loads(raw.decode("utf-8"))
    except ValueError:
        doc = {"<non-json>": raw[:200].decode("utf-8", "replace")}
    for var, path in step.get("save", {}).items():
        if dig(doc, path) is not None:
            env[var] = dig(doc, path)
    for var, path in step.get("captcha", {}).items():
        answer = captcha_answer(dig(doc, path))
        if answer is not None:
            env[var] = answer
    body = norm(doc)
    for path, text in step.get("mask", {}).items():
        *parents, last = path.split(".")
        node = dig(body, ".".join(parents)) if parents else body
        if isinstance(node, dict) and last in node:
            node[last] = text
    set_cookies, deleted = cookies_of(headers)
    return {"request": req, "status": status, "api_error": headers.get("MediaWiki-API-Error"),
            "set_cookies": set_cookies, "deleted_cookies": deleted, "body": body}


def visit_step(client, api, step, env, norm):
    url = with_query(subst(step["visit"], env), {k: subst(v, env) for k, v in step.get("params", {}).items()})
    host = urllib.parse.urlsplit(api).netloc
    hops = []
    for _ in range(20):
        status, headers, _ = client.request(url)
        location = headers.get("Location")
        set_cookies, deleted = cookies_of(headers)
        hops.append({"status": status, "location": norm.text(location) if location else None,
                     "set_cookies": set_cookies, "deleted_cookies": deleted})
        if not (step.get("follow", True) and location and 300 <= status < 400):
            break
        url = urllib.parse.urljoin(url, location)
        if urllib.parse.urlsplit(url).netloc != host:
            break
    which = step.get("hops", "all")
    if which != "all":
        hops = [hops[0] if which == "first" else hops[-1]]
    req = {"method": "GET", "visit": step["visit"]}
    for k in ("params", "follow", "hops"):
        if k in step:
            req[k] = step[k]
    return {"request": req, "hops": hops}


def run_case(api, case, fixture, timeout):
    norm, out = Normalizer(api), []
    env = dict(fixture, API=api, SERVER=norm.server)
    jars = {"A": Client(timeout)}
    client = jars["A"]
    for step in case["steps"]:
        if "session" in step:
            client = jars.setdefault(step["session"], Client(timeout))
        if step.get("jar", "keep") != "keep":
            client.drop()
        for suffix in step.get("drop_cookies", []):
            client.drop(suffix)
        run = visit_step if "visit" in step else api_step
        out.append(run(client, api, step, env, norm))
    return out


def diff(a, b, path="$"):
    """Yield human-readable differences between reference a and actual b."""
    if type(a) != type(b):
        yield f"{path}: expected {json.dumps(a, ensure_ascii=False)[:300]} got {json.dumps(b, ensure_ascii=False)[:300]}"
    elif isinstance(a, dict):
        for k in a:
            if k not in b:
                yield f"{path}.{k}: missing"
            else:
                yield from diff(a[k], b[k], f"{path}.{k}")
        for k in b:
            if k not in a:
                yield f"{path}.{k}: unexpected {json.dumps(b[k], ensure_ascii=False)[:300]}"
    elif isinstance(a, list):
        if len(a) != len(b):
            yield f"{path}: expected {len(a)} items, got {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from diff(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: expected {json.dumps(a, ensure_ascii=False)[:300]} got {json.dumps(b, ensure_ascii=False)[:300]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["record", "compare"])
    ap.add_argument("--api", required=True, help="api.php URL")
    ap.add_argument("--cases", nargs="+", required=True)
    ap.add_argument("--out", help="record: directory for transcripts")
    ap.add_argument("--ref", help="compare: directory of reference transcripts")
    ap.add_argument("--only", help="regex on case names")
    ap.add_argument("--verbose", action="store_true", help="compare: list every difference")
    ap.add_argument("--timeout", type=float, default=10)
    args = ap.parse_args()
    if (args.mode == "record") != bool(args.out) or (args.mode == "compare") != bool(args.ref):
        ap.error("record needs --out, compare needs --ref")

    cases, fixture = load_cases(args.cases)
    if args.only:
        cases = [c for c in cases if re.search(args.only, c["name"])]
    steps_total = steps_ok = cases_ok = 0
    for case in cases:
        try:
            got = run_case(args.api, case, fixture, args.timeout)
        except Exception as e:  # a broken server must not stop the run
            got = [{"error": f"{type(e).__name__}: {e}"}]
        if args.mode == "record":
            os.makedirs(args.out, exist_ok=True)
            with open(os.path.join(args.out, case["name"] + ".json"), "w") as f:
                json.dump({"name": case["name"], "doc": case.get("doc", ""), "steps": got}, f, indent=1,
                          ensure_ascii=False)
                f.write("\n")
            ok = not any("error" in s for s in got)
            cases_ok += ok
            print(("recorded " if ok else "ERROR ") + case["name"] + ("" if ok else ": " + got[0]["error"]))
            continue
        try:
            with open(os.path.join(args.ref, case["name"] + ".json")) as f:
                ref = json.load(f)["steps"]
        except OSError:
            print("FAIL " + case["name"] + " (no reference transcript)")
            continue
        problems = []
        for i, exp in enumerate(ref):
            steps_total += 1
            d = list(diff(exp, got[i] if i < len(got) else {}, f"step{i}"))
            problems += d
            steps_ok += not d
        if len(got) > len(ref):
            problems.append(f"{len(got) - len(ref)} more steps than the reference")
        cases_ok += not problems
        print(("PASS " if not problems else "FAIL ") + case["name"])
        if problems and args.verbose:
            for p in problems:
                print("    " + p)
    if args.mode == "record":
        print(f"recorded: {cases_ok}/{len(cases)} cases")
    else:
        print(f"conformance: {cases_ok}/{len(cases)} cases, {steps_ok}/{steps_total} steps match the reference")
    sys.exit(0 if cases_ok == len(cases) else 1)


if __name__ == "__main__":
    main()
