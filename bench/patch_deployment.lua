-- Merge patches of one deployment per thread (IDs, one per line, in BENCH_DEPLOYMENTS), each with
-- the ETag of the answer before it: distinct deployments, so no 412 is expected. The first
-- request of a thread is a GET for its first ETag.
local key = os.getenv("BENCH_KEY")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local id, etag
local n = 0
function init(args)
  local i = 0
  for line in io.lines(os.getenv("BENCH_DEPLOYMENTS")) do
    i = i + 1
    if i == tid then id = line end
  end
end
request = function()
  if etag == nil then
    return wrk.format("GET", "/api/v1/deployments/" .. id)
  end
  n = n + 1
  local body = string.format('{"summary":"[synthetic] benchmark revision %d of writer %d","change_reason":"[synthetic] benchmark write"}', n, tid)
  return wrk.format("PATCH", "/api/v1/deployments/" .. id, {["Content-Type"] = "application/merge-patch+json",
    ["Authorization"] = "Bearer " .. key, ["If-Match"] = etag}, body)
end
response = function(status, headers, body)
  if status == 200 then
    etag = headers["ETag"] or headers["etag"]
  end
end
