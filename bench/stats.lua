-- GET the by-country aggregate over all 100,000 synthetic deployments
request = function()
  return wrk.format("GET", "/api/v1/stats/by-country")
end
