-- wrk -t N -c N -s login_flow.lua --latency http://HOST:PORT/api.php
-- Complete bot-password login flows, as a client does them: a login token (new session),
-- action=login, then meta=userinfo; each flow starts with an empty cookie jar. Use as many
-- connections as threads (-c = -t): each thread's flow is a sequence of dependent requests.
-- Set BOT / BOT_PASS in the environment for other accounts.
local bot = os.getenv("BOT") or "Robo@mybot"
local bot_pass = os.getenv("BOT_PASS") or "k8f3m2q9w1t7v5n4p6r0s2u8a3c5e7g9"
local threads = {}

function setup(thread) table.insert(threads, thread) end

local path, step, cookies, token = nil, "token", {}, nil
flows, failures = 0, 0

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function cookie_header()
  local parts = {}
  for name, value in pairs(cookies) do table.insert(parts, name .. "=" .. value) end
  return table.concat(parts, "; ")
end

local function keep_cookies(headers)
  for name, value in pairs(headers) do
    if name:lower() == "set-cookie" then
      local n, v = value:match("^([^=]+)=([^;]*)")
      if n then cookies[n] = v end
    end
  end
end

function init(args)
  path = wrk.path
end

function request()
  if step == "token" then
    cookies = {}
    return wrk.format("GET", path .. "?action=query&meta=tokens&type=login&format=json")
  elseif step == "login" then
    local body = "action=login&format=json&lgname=" .. encode(bot) .. "&lgpassword=" .. encode(bot_pass) ..
                 "&lgtoken=" .. encode(token)
    return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded",
                                     ["Cookie"] = cookie_header()}, body)
  else
    return wrk.format("GET", path .. "?action=query&meta=userinfo&format=json", {["Cookie"] = cookie_header()})
  end
end

function response(status, headers, body)
  keep_cookies(headers)
  if step == "token" then
    token = body:match('"logintoken":"([0-9a-f]+%+)\\\\"')
    if token then token = token .. "\\"; step = "login" else failures = failures + 1 end
  elseif step == "login" then
    if body:find('"Success"', 1, true) then step = "userinfo" else failures = failures + 1; step = "token" end
  else
    if body:find('"anon"', 1, true) then failures = failures + 1 else flows = flows + 1 end
    step = "token"
  end
end

function done(summary, latency, requests)
  local total, failed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("flows")
    failed = failed + thread:get("failures")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("login flows: %d complete, %d failed, %.1f flows/s\n", total, failed, total / seconds))
end
