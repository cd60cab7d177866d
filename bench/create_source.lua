-- POST a new [synthetic] source as an editor (key in BENCH_KEY); each thread numbers its own.
local key = os.getenv("BENCH_KEY")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"kind":"dataset","title":"[synthetic] benchmark source %d-%d","url":"https://example.org/bench/%d/%d","language":"en","change_reason":"[synthetic] benchmark write"}', tid, n, tid, n)
  return wrk.format("POST", "/api/v1/sources",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
