"""bench/run's engine: starts each server fresh per measured point, loads it with wrk, records.

bench/run (the shell script) installs the tools, builds the peers and calls this with its options.
"""
import argparse
import datetime
import docroot
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import idle
import jmh
import load
import procs
import report
import scenarios
import servers
import startup

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORTS = range(19000, 19100)


def options(argv):
    p = argparse.ArgumentParser(prog="bench/run", description="Gatehouse against its peers, one session.")
    p.add_argument("--quick", action="store_true", help="smoke run: 3 s points, 2 s warm-up, 1 repetition")
    p.add_argument("--duration", type=int, help="seconds of each measured run (default 10, quick 3)")
    p.add_argument("--warmup", type=int, help="seconds of warm-up before each measured run (default 5, quick 2)")
    p.add_argument("--reps", type=int, help="repetitions per point; the table shows medians (default 3, quick 1)")
    p.add_argument("--only", default="", help="comma-separated servers: " + ",".join(s.name for s in servers.SERVERS)
                   + " (gatehouse-cli, gatehouse-threads and gatehouse-workers only when named)")
    p.add_argument("--suite", default="all",
                   help="comma-separated suites: peers (the hello scenarios, idle, startup), static (files from "
                        "disk: gatehouse static, nginx, python3 -m http.server), or all (default)")
    p.add_argument("--scenarios", default="", help="comma-separated: " + ",".join(s.name for s in scenarios.SCENARIOS))
    p.add_argument("--server-cpus", default="0", help="taskset CPU list for the servers (default 0)")
    p.add_argument("--load-cpus", default="1", help="taskset CPU list for wrk and the idle client (default 1)")
    p.add_argument("--no-pin", action="store_true", help="do not pin anything to cores")
    p.add_argument("--wrk-threads", type=int, default=0, help="wrk threads (default: one per load CPU)")
    p.add_argument("--jvm-opts", default="-Xms512m -Xmx512m -XX:+UseParallelGC "
                   "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow",
                   help="flags for every Java server")
    p.add_argument("--idle-connections", type=int, help="connections held by the idle test (default 10000, quick 1000)")
    p.add_argument("--no-idle", action="store_true", help="skip the idle-connection test")
    p.add_argument("--startup-reps", type=int, help="launches per server for time-to-first-answer (default 5, quick 1)")
    p.add_argument("--no-startup", action="store_true", help="skip the time-to-first-answer test")
    p.add_argument("--no-aot", action="store_true",
                   help="skip the second launch-time series of Java servers with a trained JDK AOT cache")
    p.add_argument("--no-load", action="store_true", help="skip the wrk scenarios")
    p.add_argument("--jmh", action="store_true", help="also run the JMH microbenchmarks (bench/jmh) with -prof gc")
    p.add_argument("--publish", action="store_true",
                   help="write bench/RESULTS.md even for a quick or partial run (a full run always does)")
    p.add_argument("--java", default=os.environ.get("BENCH_JAVA", "java"), help=argparse.SUPPRESS)
    p.add_argument("--skip-install", action="store_true", help="do not install missing Debian packages")
    p.add_argument("--skip-build", action="store_true", help="do not rebuild the peers")
    o = p.parse_args(argv)
    q = o.quick
    o.duration = o.duration or (3 if q else 10)
    o.warmup = o.warmup if o.warmup is not None else (2 if q else 5)
    o.reps = o.reps or (1 if q else 3)
    o.idle_connections = o.idle_connections or (1000 if q else 10000)
    o.startup_reps = o.startup_reps or (1 if q else 5)
    o.suites = scenarios.suites_named(o.suite)
    if "peers" not in o.suites:  # idle and startup belong to the peers suite
        o.no_idle = o.no_startup = True
    if o.no_pin:
        o.server_cpus = o.load_cpus = ""
    o.wrk_threads = o.wrk_threads or max(1, cpu_count(o.load_cpus))
    return o


def peers_classpath():
    """Jars only, in a fixed order: the JDK's AOT cache refuses directories and needs the same path."""
    target = os.path.join(BENCH, "peers", "target")
    lib = os.path.join(target, "lib")
    own = sorted(f for f in os.listdir(target) if f.startswith("gatehouse-bench-peers") and f.endswith(".jar"))
    if not own or not os.path.isdir(lib):
        raise SystemExit("bench: bench/peers is not built; run bench/run without --skip-build")
    return ":".join([os.path.join(target, own[0])] + [os.path.join(lib, f) for f in sorted(os.listdir(lib))
                                                       if f.endswith(".jar")])


def cpu_count(cpu_list):
    if not cpu_list:
        return os.cpu_count() or 1
    n = 0
    for part in cpu_list.split(","):
        lo, _, hi = part.partition("-")
        n += int(hi or lo) - int(lo) + 1
    return n


class PortPool:
    def __init__(self):
        self.next = 0

    def take(self):
        for _ in PORTS:
            port = PORTS[self.next % len(PORTS)]
            self.next += 1
            if procs.port_free(port):
                return port
        raise RuntimeError("no free port in 19000-19099")


def machine(java):
    info = {"nproc": os.cpu_count(), "kernel": platform.release()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
        with open("/proc/meminfo") as f:
            info["memory_gib"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    info["jdk"] = first_line([java, "-version"])
    info["wrk"] = first_line(["wrk", "-v"])
    info["nginx"] = first_line(["nginx", "-v"])
    info["gunicorn"] = first_line(["gunicorn", "--version"])
    return info


def first_line(argv):
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20)
        return ((done.stdout or "") + (done.stderr or "")).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def on_fresh_server(o, ctx, server, app, ports, run_dir, row, work):
    """Starts `server` on a fresh port, runs work(running, port) to fill `row`, and always stops it."""
    port = ports.take()
    os.makedirs(run_dir, exist_ok=True)
    launch = server.command(port, app, ctx, run_dir)
    running = procs.launch(server.name, launch.argv, o.server_cpus, os.path.join(run_dir, "server.log"),
                           stop_signal=launch.stop_signal, env=launch.env)
    row["port"] = port
    try:
        procs.wait_ready(running, port)
        work(running, port)
    except procs.NotAvailable as e:
        row.update(status="not available", note=str(e)[:300])
    except RuntimeError as e:
        row.update(status="failed", note=str(e)[:300])
    finally:
        running.stop()
    return row


def measure_point(server, scenario, o, ctx, ports, out_dir, label):
    row = {"server": server.name, "scenario": scenario.name}

    def work(running, port):
        problem = load.check_response(port, scenario.path)
        if problem:
            row.update(status="failed", note="wrong answer: " + problem)
            return
        if o.warmup:
            load.run_wrk(port, scenario, o.warmup, o.load_cpus, o.wrk_threads)
        cpu_before = procs.cpu_seconds(running.pid)
        summary = load.run_wrk(port, scenario, o.duration, o.load_cpus, o.wrk_threads)
        row["cpu_s"] = procs.cpu_seconds(running.pid) - cpu_before
        row["rss_peak_kib"] = procs.memory_kib(running.pid, "VmHWM")
        # CPU time per answered request: steadier than requests/s when other work shares the cores.
        row["cpu_us_per_request"] = row["cpu_s"] * 1e6 / summary["requests"] if summary["requests"] else None
        row.update({k: summary[k] for k in ("rps", "mib_s", "requests", "p50_us", "p90_us", "p99_us", "max_us",
                                            "errors", "status_errors", "timeouts")})
        row["status"] = "ok" if running.alive() else "failed"
        if not running.alive():
            row["note"] = "died during the run: " + running.log_tail()

    return on_fresh_server(o, ctx, server, scenario.app, ports, os.path.join(out_dir, "runs", label), row, work)


def run_load(o, ctx, chosen, cases, ports, out_dir, results):
    unavailable = {}
    taking_part = {c.name: [s for s in chosen if s.in_suite(c.suite)] for c in cases}
    total = o.reps * sum(len(servers_of) for servers_of in taking_part.values())
    done = 0
    for scenario in cases:
        for rep in range(1, o.reps + 1):
            for server in taking_part[scenario.name]:  # interleaved: drift of the machine touches all alike
                done += 1
                if not server.serves(scenario.app):
                    row = {"server": server.name, "scenario": scenario.name, "status": "skipped",
                           "note": "serves the seed's HelloApp only"}
                elif (server.name, scenario.app) in unavailable:
                    row = {"server": server.name, "scenario": scenario.name, "status": "not available",
                           "note": unavailable[(server.name, scenario.app)]}
                else:
                    row = measure_point(server, scenario, o, ctx, ports, out_dir,
                                        "%s-%s-%d" % (scenario.name, server.name, rep))
                    if row["status"] == "not available":
                        unavailable[(server.name, scenario.app)] = row.get("note", "")
                row["rep"] = rep
                results["runs"].append(row)
                print("[%d/%d] %-14s rep %d %-10s %s" % (done, total, scenario.name, rep, server.name,
                                                          describe(row)), flush=True)


def describe(row):
    if row["status"] != "ok":
        return "%s: %s" % (row["status"], row.get("note", ""))
    return "%10.0f req/s %8.1f MiB/s  p50 %s ms  p99 %s ms  max %s ms  cpu %.1f s  rss %d MiB  errors %d" % (
        row["rps"], row["mib_s"], report.ms(row["p50_us"]), report.ms(row["p99_us"]), report.ms(row["max_us"], 1), row["cpu_s"],
        row["rss_peak_kib"] // 1024, row["errors"])


def run_idle(o, ctx, chosen, ports, out_dir, results):
    for server in chosen:
        row = {"server": server.name}

        def work(running, port):
            row.update(idle.measure(running, port, o.idle_connections, o.load_cpus,
                                    min(o.duration, 5), min(max(o.warmup, 1), 3)))
            row["status"] = "ok"

        on_fresh_server(o, ctx, server, "hello", ports, os.path.join(out_dir, "runs", "idle-" + server.name),
                        row, work)
        results["idle"].append(row)
        kib = row.get("kib_per_connection")
        print("[idle] %-10s %s" % (server.name, row["status"] if row["status"] != "ok" else
              "%d/%d still open, %s KiB/conn, fresh p99 %s -> %s ms" % (
                  row["still_open"], row["requested"], "%.2f" % kib if kib is not None else "n/a",
                  report.ms(row["p99_before_us"]), report.ms(row["p99_with_us"]))), flush=True)


def run_startup(o, ctx, chosen, ports, out_dir, results):
    for server in chosen:
        plain = record_startup(o, server, server.name, [], ctx, ports, out_dir, results)
        if server.kind in ("java", "cli") and not o.no_aot and plain == "ok":
            cache_dir = os.path.join(out_dir, "runs", "aot-training-" + server.name)
            os.makedirs(cache_dir, exist_ok=True)
            cache = os.path.join(cache_dir, server.name + ".aot")
            try:
                startup.train_aot_cache(server, ctx, ports.take(), o.server_cpus, o.load_cpus, cache_dir, cache)
            except procs.NotAvailable as e:
                results["startup"].append({"server": server.name + "+aot", "runs_ms": [], "median_ms": None,
                                           "status": "not available", "note": str(e)[:300]})
                continue
            except RuntimeError as e:
                results["startup"].append({"server": server.name + "+aot", "runs_ms": [], "median_ms": None,
                                           "status": "failed", "note": str(e)[:300]})
                continue
            record_startup(o, server, server.name + "+aot", ["-XX:AOTCache=" + cache], ctx, ports, out_dir, results)


def record_startup(o, server, key, extra_jvm_opts, ctx, ports, out_dir, results):
    times, note, status = [], "", "ok"
    for i in range(o.startup_reps):
        run_dir = os.path.join(out_dir, "runs", "startup-%s-%d" % (key, i + 1))
        os.makedirs(run_dir, exist_ok=True)
        try:
            times.append(startup.first_answer_ms(server, ctx, ports.take(), o.server_cpus, run_dir,
                                                 os.path.join(run_dir, "server.log"),
                                                 extra_jvm_opts=extra_jvm_opts))
        except procs.NotAvailable as e:
            note, status = str(e)[:300], "not available"
            break
        except RuntimeError as e:
            note, status = str(e)[:300], "failed"
            break
    row = {"server": key, "runs_ms": times, "median_ms": statistics.median(times) if times else None,
           "status": status, "note": note}
    results["startup"].append(row)
    print("[startup] %-14s %s" % (key, "%.0f ms (%s)" % (row["median_ms"], ", ".join(
        "%.0f" % t for t in times)) if status == "ok" else status + ": " + note), flush=True)
    return status


def main(argv):
    o = options(argv)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out_dir = os.path.join(BENCH, "out", stamp)
    os.makedirs(out_dir, exist_ok=True)
    procs.PID_DIR = os.environ.get("BENCH_PID_DIR")
    chosen = servers.by_names([n for n in o.only.split(",") if n])
    cases = scenarios.by_names([n for n in o.scenarios.split(",") if n], o.suites)
    suites_run = sorted({c.suite for c in cases} | ({"peers"} if not (o.no_idle and o.no_startup) else set()))
    needs_peers = "peers" in suites_run and any(s.kind == "java" for s in chosen)
    classpath = peers_classpath() if needs_peers else ""
    static_root = docroot.create(os.path.join(out_dir, "docroot")) if "static" in suites_run else None
    ctx = servers.Context(o.java, o.jvm_opts.split(), classpath, os.path.join(BENCH, "python"),
                          os.path.join(os.path.dirname(BENCH), "gatehouse"), static_root)
    command = os.environ.get("BENCH_COMMAND", "bench/run " + " ".join(argv))
    results = {
        "meta": {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "command": command.strip(), "machine": machine(o.java), "quick": o.quick,
            "duration_s": o.duration, "warmup_s": o.warmup, "reps": o.reps,
            "server_cpus": o.server_cpus or "unpinned", "load_cpus": o.load_cpus or "unpinned",
            "wrk_threads": o.wrk_threads, "jvm_opts": o.jvm_opts, "idle_connections": o.idle_connections,
            "startup_reps": o.startup_reps, "scenarios": [s.name for s in cases],
            "servers": {s.name: s.label for s in chosen if s.in_suite("peers")},
            "static_servers": {s.name: s.static_label for s in chosen if s.in_suite("static")},
            "suites": suites_run, "load_before": os.getloadavg(),
            "scenario_titles": {s.name: s.title for s in cases},
            "scenario_suites": {s.name: s.suite for s in cases},
        },
        "runs": [], "idle": [], "startup": [], "jmh": None,
    }
    started = time.monotonic()
    ports = PortPool()
    print("bench: results in %s; servers on CPU %s, load on CPU %s" % (
        out_dir, results["meta"]["server_cpus"], results["meta"]["load_cpus"]), flush=True)
    if not o.no_load:
        run_load(o, ctx, chosen, cases, ports, out_dir, results)
    hello_servers = [s for s in chosen if s.serves("hello")]
    if not o.no_idle:
        run_idle(o, ctx, hello_servers, ports, out_dir, results)
    if not o.no_startup:
        run_startup(o, ctx, hello_servers, ports, out_dir, results)
    if o.jmh:
        results["jmh"] = jmh.run(o, out_dir)
    results["meta"]["elapsed_s"] = round(time.monotonic() - started)
    results["meta"]["load_after"] = os.getloadavg()
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    markdown = report.markdown(results)
    with open(os.path.join(out_dir, "RESULTS.md"), "w") as f:
        f.write(markdown)
    latest = os.path.join(BENCH, "out", "latest")
    if os.path.islink(latest) or os.path.exists(latest):
        os.unlink(latest)
    os.symlink(stamp, latest)
    full = not (o.quick or o.only or o.scenarios or o.no_load or o.no_idle or o.no_startup
                or "static" not in suites_run)
    if full or o.publish:
        published = os.path.join(BENCH, "RESULTS.md")
        try:
            with open(published) as f:
                before = f.read()
        except FileNotFoundError:
            before = ""
        # A run of one suite replaces that suite's part of the file and keeps the other's.
        with open(published, "w") as f:
            f.write(report.publishable(before, markdown, suites_run))
        print("bench: wrote bench/RESULTS.md")
    print("bench: done in %d s; table in %s" % (results["meta"]["elapsed_s"], os.path.join(out_dir, "RESULTS.md")))


if __name__ == "__main__":
    main(sys.argv[1:])
