"""Time from launching a server process to its first answered request, plain and with a JDK AOT cache."""
import os
import time

import load
import procs
from scenarios import Scenario


def first_answer_ms(server, ctx, port, cpus, run_dir, log_path, timeout=30.0, extra_jvm_opts=()):
    """Launches the server, polls GET / every 5 ms over a fresh connection, returns ms; always stops it."""
    launch = server.command(port, "hello", ctx, run_dir, extra_jvm_opts)
    start = time.monotonic()
    running = procs.launch(server.name, launch.argv, cpus, log_path, stop_signal=launch.stop_signal, env=launch.env)
    try:
        while time.monotonic() - start < timeout:
            try:
                status, _, _ = procs.http_get(port, "/", timeout=0.5)
                if status == 200:
                    return (time.monotonic() - start) * 1000
            except OSError:
                pass
            if not running.alive():
                procs.exited(running)
            time.sleep(0.005)
        raise RuntimeError("no answer within %.0f s" % timeout)
    finally:
        running.stop()


def train_aot_cache(server, ctx, port, cpus, load_cpus, run_dir, cache):
    """One training run: serve 2 s of plaintext load, then stop, and the JVM writes `cache` as it exits."""
    launch = server.command(port, "hello", ctx, run_dir, ["-XX:AOTCacheOutput=" + cache])
    running = procs.launch(server.name + "-aot-training", launch.argv, cpus, os.path.join(run_dir, "server.log"),
                           stop_signal=launch.stop_signal, env=launch.env)
    try:
        procs.wait_ready(running, port)
        load.run_wrk(port, Scenario("train", "training", "/", 8, "hello"), 2, load_cpus, 1)
    finally:
        running.stop(grace=60.0)  # writing the cache happens at exit and takes seconds
    if not os.path.exists(cache):
        raise RuntimeError("the training run wrote no AOT cache: " + running.log_tail())
