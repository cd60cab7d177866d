-- GET the first page of 50 deployments of a random country, in title order
math.randomseed(os.time() + 1)
local codes = {}
for line in io.lines(os.getenv("BENCH_COUNTRIES") or "bench/.data/countries.txt") do
  codes[#codes + 1] = line
end
request = function()
  return wrk.format("GET", "/api/v1/deployments?limit=50&country=" .. codes[math.random(1, #codes)])
end
