-- GET one random synthetic deployment by ID (IDs 00000000-0000-4000-8001-<n in hex>)
math.randomseed(os.time())
request = function()
  local n = math.random(1, 100000)
  return wrk.format("GET", string.format("/api/v1/deployments/00000000-0000-4000-8001-%012x", n))
end
