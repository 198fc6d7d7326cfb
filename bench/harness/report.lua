-- wrk script for bench/run: optional HTTP/1.1 pipelining and a one-line JSON summary.
-- Usage: wrk -s report.lua URL -- DEPTH     (DEPTH 1 = one request at a time, the default)

local depth = 1

function init(args)
   depth = tonumber(args[1] or "1") or 1
   if depth > 1 then
      -- DEPTH copies of the same request in one write; wrk counts the requests in the string
      -- and waits for as many responses before it writes the next batch.
      local batch = {}
      for i = 1, depth do
         batch[i] = wrk.format()
      end
      local pipelined = table.concat(batch)
      request = function()
         return pipelined
      end
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'BENCH {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
      '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
      '"max_us":%d,"mean_us":%.1f}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
      e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean))
end
