"""The idle-connection test: memory per held keep-alive connection and a fresh client's latency."""
import os
import subprocess
import sys
import time

import load
import procs
from scenarios import Scenario

HERE = os.path.dirname(os.path.abspath(__file__))
PROBE = Scenario("probe", "one fresh client", "/", 1, "hello")


def measure(running, port, n, load_cpus, probe_seconds, warmup_seconds):
    """Returns a dict of the figures; the server must already answer on `port`."""
    load.run_wrk(port, Scenario("warm", "warm-up", "/", 64, "hello"), warmup_seconds, load_cpus, 1)
    before = load.run_wrk(port, PROBE, probe_seconds, load_cpus, 1)
    time.sleep(0.5)
    rss_before = procs.memory_kib(running.pid, "VmRSS")
    client = subprocess.Popen(
        procs.taskset_prefix(load_cpus) + [sys.executable, os.path.join(HERE, "idle_client.py"),
                                           str(port), str(n), "120"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ready = client.stdout.readline().split()
        opened, answered = (int(ready[1]), int(ready[2])) if len(ready) == 3 else (0, 0)
        time.sleep(1.0)
        rss_with = procs.memory_kib(running.pid, "VmRSS")
        during = load.run_wrk(port, PROBE, probe_seconds, load_cpus, 1)
        client.stdin.write("count\n")
        client.stdin.flush()
        still = client.stdout.readline().split()
        still_open = int(still[1]) if len(still) == 2 else 0
        client.stdin.write("close\n")
        client.stdin.flush()
    finally:
        try:
            client.wait(timeout=30)
        except subprocess.TimeoutExpired:
            client.kill()
    return {
        "requested": n, "opened": opened, "answered": answered, "still_open": still_open,
        "rss_before_kib": rss_before, "rss_with_kib": rss_with,
        "kib_per_connection": (rss_with - rss_before) / still_open if still_open else None,
        "p50_before_us": before["p50_us"], "p99_before_us": before["p99_us"],
        "p50_with_us": during["p50_us"], "p99_with_us": during["p99_us"],
        "errors_with": during["errors"],
    }
