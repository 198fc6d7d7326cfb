"""Runs wrk (pinned to the load generator's cores) and reads the summary line of report.lua."""
import json
import os
import subprocess

import docroot
import procs

LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "report.lua")
EXPECTED = {
    "/": b"Hello, World!\n",
    "/json": b'{"message":"Hello, World!"}',
    "/64k": b"0123456789abcdef" * 4096,
}


def check_response(port, path):
    """One request before loading: returns None when the answer is right, else what is wrong."""
    try:
        status, headers, body = procs.http_get(port, path, timeout=2.0)
    except OSError as e:
        return "no answer on %s: %s" % (path, e)
    if path in docroot.FILES:
        return docroot.judge(path, status, headers, body)
    if status != 200:
        return "%s answered %d" % (path, status)
    expected = EXPECTED[path]
    if path == "/json":
        try:
            if json.loads(body) != json.loads(expected):
                return "/json body is %r" % body[:60]
        except ValueError:
            return "/json body is not JSON: %r" % body[:60]
    elif body != expected:
        return "%s body differs (%d bytes)" % (path, len(body))
    return None


def run_wrk(port, scenario, seconds, cpus, threads, connections=None, timeout_s=5):
    """Returns the summary dict (latencies in microseconds, plus rps), or raises RuntimeError."""
    conns = connections or scenario.connections
    argv = procs.taskset_prefix(cpus) + [
        "wrk", "-t", str(min(threads, conns)), "-c", str(conns), "-d", "%ds" % seconds,
        "--timeout", "%ds" % timeout_s, "--latency", "-s", LUA]
    if scenario.close:
        argv += ["-H", "Connection: close"]
    argv += ["http://127.0.0.1:%d%s" % (port, scenario.path), "--", str(scenario.depth)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + timeout_s + 30)
    for line in done.stdout.splitlines():
        if line.startswith("BENCH "):
            summary = json.loads(line[len("BENCH "):])
            summary["rps"] = summary["requests"] / (summary["duration_us"] / 1e6)
            # wrk's bytes are everything read from the sockets: heads included.
            summary["mib_s"] = summary["bytes"] / (summary["duration_us"] / 1e6) / (1024 * 1024)
            # wrk 4.1 sometimes answers 0 for a percentile of a pipelined run although latencies
            # were recorded (max > 0); that is "unknown", not zero.
            for key in ("p50_us", "p90_us", "p99_us", "max_us"):
                if summary[key] == 0:
                    summary[key] = None
            summary["errors"] = sum(summary[k] for k in (
                "connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"))
            return summary
    raise RuntimeError("wrk gave no summary (exit %d): %s" % (done.returncode, (done.stderr or done.stdout)[-300:]))
