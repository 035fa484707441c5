-- Drives one scenario with a slightly different width on every request, so requests in flight at the
-- same time never ask for the same transform: imgorigin coalesces identical concurrent requests, and a
-- benchmark of an origin must count transforms, not shared answers.
--
-- Environment:
--   BENCH_PATH          path and query up to the width value, e.g. "/photo.jpg?f=webp&q=80&w="
--   BENCH_WIDTH         first width
--   BENCH_SPREAD        how many consecutive widths to cycle through (default 8)
--   BENCH_THREADS       wrk's -t, so that threads interleave instead of repeating each other
--   BENCH_COUNT_STATUS  "1" to tally statuses: 200, 503 with Retry-After, and anything else

local path = assert(os.getenv("BENCH_PATH"), "BENCH_PATH is not set")
local base = assert(tonumber(os.getenv("BENCH_WIDTH")), "BENCH_WIDTH is not a number")
local spread = tonumber(os.getenv("BENCH_SPREAD") or "8")
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  ok, busy, busy_without_retry_after, other = 0, 0, 0, 0
  other_statuses = ""
end

function request()
  local n = counter * thread_count + (thread_index or 0)
  counter = counter + 1
  return wrk.format(nil, path .. (base + n % spread))
end

if os.getenv("BENCH_COUNT_STATUS") == "1" then
  function response(status, headers, body)
    if status == 200 then
      ok = ok + 1
    elseif status == 503 then
      local retry_after = false
      for name, _ in pairs(headers) do
        if string.lower(name) == "retry-after" then
          retry_after = true
        end
      end
      if retry_after then
        busy = busy + 1
      else
        busy_without_retry_after = busy_without_retry_after + 1
      end
    else
      other = other + 1
      if #other_statuses < 200 then
        other_statuses = other_statuses .. status .. " "
      end
    end
  end

  function done(summary, latency, requests)
    local totals = { ok = 0, busy = 0, busy_without_retry_after = 0, other = 0 }
    local seen = ""
    for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do
        totals[name] = totals[name] + (thread:get(name) or 0)
      end
      seen = seen .. (thread:get("other_statuses") or "")
    end
    io.write(string.format("STATUS ok=%d busy=%d busy_without_retry_after=%d other=%d\n",
      totals.ok, totals.busy, totals.busy_without_retry_after, totals.other))
    if totals.other > 0 then
      io.write("OTHER_STATUSES " .. seen .. "\n")
    end
  end
end
