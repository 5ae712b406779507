-- wrk script for `loopcoach bench load`: GETs of random paths, POSTs of answers with API
-- tokens, or a mix. Arguments after `--`: mode (get|post|mixed), paths file, tokens file,
-- question ids file, share of writes in the mix.
local paths, tokens, questions = {}, {}, {}
local mode, writes = "get", 0.2
local counter = 0
local answer = "In 2023 I led a team of eight when our p99 latency doubled. I traced it to a " ..
  "lock held across a network call, wrote the fix and shipped it in two weeks. Latency fell " ..
  "from 900 ms to 180 ms and conversion rose 3%."

local function lines(file, into)
  if file and file ~= "" then for line in io.lines(file) do table.insert(into, line) end end
end

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  mode = args[1] or "get"
  lines(args[2], paths)
  lines(args[3], tokens)
  lines(args[4], questions)
  writes = tonumber(args[5] or "0.2")
  math.randomseed(os.time() * 1000 + (id or 0))
end

local function submit()
  local body = '{"question_id": ' .. questions[math.random(#questions)] .. ', "answer": "' .. answer .. '"}'
  local headers = {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
                   ["Content-Type"] = "application/json"}
  return wrk.format("POST", "/api/v1/attempts", headers, body)
end

function request()
  if mode == "post" or (mode == "mixed" and math.random() < writes) then
    return submit()
  end
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
