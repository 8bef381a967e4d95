-- wrk script: each request opens the scan page of a random unit code from the file in $SCAN_CODES (one code a line).
-- No response() hook: it would make wrk parse every body; wrk reports non-2xx/3xx answers by itself.
local codes = {}
for line in io.lines(os.getenv("SCAN_CODES") or "codes.txt") do codes[#codes + 1] = line end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

request = function()
  return wrk.format("GET", "/u/" .. codes[math.random(#codes)])
end
