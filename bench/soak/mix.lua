-- wrk script: each request takes the next path of a mix of read endpoints (list, detail, states, summary,
-- analytics, counties, rankings, models), so the soak exercises every kind of handler.
local paths = {
  "/api/v1/hospitals?state=TX&limit=50",
  "/api/v1/hospitals/450056",
  "/api/v1/states",
  "/api/v1/dashboard/summary",
  "/api/v1/hospitals?q=saint&sort=-rating&limit=25",
  "/api/v1/hospitals/nearest?lat=30.27&lon=-97.74&k=5",
  "/api/v1/analytics/insights",
  "/api/v1/counties/48453",
  "/api/v1/rankings?metric=uninsured_share&order=worst",
  "/api/v1/models",
  "/api/v1/states/CA",
  "/api/v1/hospitals?near=40.71,-74.01&radius_km=10",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
