"""Per-request costs of one server under one scenario: CPU, context switches, syscalls, JFR samples.

Starts the server exactly as bench/run does (servers.py, pinned to --server-cpus), then, under wrk
load (pinned to --load-cpus), measures in three separate phases so one tool does not distort the
next:
  1. plain: CPU (user and system, /proc/PID/stat) and context switches (voluntary and not,
     summed over every thread of every process) per answered request;
  2. perf stat on syscall tracepoints: system calls per request by kind, and reads that found
     nothing (EAGAIN), at almost no cost to the server;
  3. strace -c -f over every thread (strace slows the server: compare counts, not times), and for
     Java servers a JFR recording (settings=profile) whose jdk.ExecutionSample top frames
     are counted, plus jdk.VirtualThreadPinned events.

  python3 bench/harness/profile.py --only gatehouse,jetty --scenarios plaintext-64 --seconds 8

Used for the section "Where the remaining gap is (issue 3)" of bench/README.md.
"""
import argparse
import collections
import json
import os
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import load  # noqa: E402
import main as harness  # noqa: E402
import procs  # noqa: E402
import scenarios  # noqa: E402
import servers  # noqa: E402


def threads_of(pid):
    """Every thread id of the process tree rooted at `pid` (nginx: master and workers)."""
    tids = []
    for p in procs.tree(pid):
        try:
            tids += [int(t) for t in os.listdir("/proc/%d/task" % p)]
        except OSError:
            pass
    return tids


def context_switches(pid):
    total = collections.Counter()
    for p in procs.tree(pid):
        for t in os.listdir("/proc/%d/task" % p):
            try:
                with open("/proc/%d/task/%s/status" % (p, t)) as f:
                    for line in f:
                        if line.endswith("ctxt_switches\n") or "ctxt_switches:" in line:
                            key, value = line.split(":")
                            total[key] += int(value)
            except OSError:
                pass
    return total


def user_system(pid):
    tick = os.sysconf("SC_CLK_TCK")
    user = system = 0
    for p in procs.tree(pid):
        with open("/proc/%d/stat" % p) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        user += int(fields[11])
        system += int(fields[12])
    return user / tick, system / tick


def plain_phase(running, port, scenario, o):
    cpu0, ctx0 = user_system(running.pid), context_switches(running.pid)
    summary = load.run_wrk(port, scenario, o.seconds, o.load_cpus, 1, o.connections)
    cpu1, ctx1 = user_system(running.pid), context_switches(running.pid)
    n = summary["requests"]
    return {"rps": round(summary["rps"]), "requests": n, "p50_us": summary["p50_us"], "p99_us": summary["p99_us"],
            "user_us_per_req": round((cpu1[0] - cpu0[0]) * 1e6 / n, 2),
            "sys_us_per_req": round((cpu1[1] - cpu0[1]) * 1e6 / n, 2),
            "cpu_us_per_req": round((sum(cpu1) - sum(cpu0)) * 1e6 / n, 2),
            "ctxsw_per_req": {k.replace("_ctxt_switches", ""): round((ctx1[k] - ctx0[k]) / n, 4) for k in ctx1}}


def strace_phase(running, port, scenario, o, run_dir):
    out = os.path.join(run_dir, "strace.txt")
    argv = ["strace", "-c", "-f", "-o", out]
    for tid in threads_of(running.pid):
        argv += ["-p", str(tid)]
    tracer = subprocess.Popen(argv, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # attached before the load starts
    summary = load.run_wrk(port, scenario, o.seconds, o.load_cpus, 1, o.connections)
    tracer.send_signal(signal.SIGINT)
    tracer.wait(timeout=30)
    calls = {}
    with open(out) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
                calls[parts[-1]] = int(parts[3])
    n = summary["requests"]
    per = {k: round(v / n, 3) for k, v in sorted(calls.items(), key=lambda kv: -kv[1]) if v / n >= 0.001}
    return {"requests_under_strace": n, "syscalls_per_req": round(sum(calls.values()) / n, 3), "by_kind": per}


PERF_EVENTS = ["raw_syscalls:sys_enter", "syscalls:sys_enter_read", "syscalls:sys_enter_recvfrom",
               "syscalls:sys_enter_write", "syscalls:sys_enter_writev", "syscalls:sys_enter_sendto",
               "syscalls:sys_enter_epoll_wait", "syscalls:sys_enter_epoll_pwait", "syscalls:sys_enter_epoll_ctl",
               "syscalls:sys_enter_futex", "syscalls:sys_enter_sched_yield", "context-switches"]


def perf_phase(running, port, scenario, o, run_dir):
    """System calls per request by kind, counted by kernel tracepoints (perf stat): unlike strace
    this barely slows the server, so the share of reads that find nothing (EAGAIN) is the real one."""
    out = os.path.join(run_dir, "perf-stat.txt")
    argv = ["perf", "stat", "-x", ",", "-o", out, "-p", ",".join(str(p) for p in procs.tree(running.pid))]
    for event in PERF_EVENTS:
        argv += ["-e", event]
    for call in ("read", "recvfrom"):
        argv += ["-e", "syscalls:sys_exit_" + call, "--filter", "ret == -11"]   # EAGAIN: nothing to read
    counter = subprocess.Popen(argv, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    summary = load.run_wrk(port, scenario, o.seconds, o.load_cpus, 1, o.connections)
    counter.send_signal(signal.SIGINT)
    counter.wait(timeout=30)
    n = summary["requests"]
    per = {}
    with open(out) as f:
        for line in f:
            parts = line.strip().split(",")
            if len(parts) > 3 and parts[0].replace(".", "").isdigit():
                name = parts[2].replace("syscalls:sys_enter_", "").replace("raw_syscalls:sys_enter", "all syscalls")
                name = name.replace("syscalls:sys_exit_", "EAGAIN ")
                value = float(parts[0]) / n
                if value >= 0.0005:
                    per[name] = round(value, 3)
    return {"rps_under_perf": round(summary["rps"]), "per_req": per}


def jfr_phase(running, port, scenario, o, ctx, run_dir):
    jfr = os.path.join(run_dir, "profile.jfr")
    jcmd = os.path.join(os.path.dirname(ctx.java), "jcmd")
    subprocess.run([jcmd, str(running.pid), "JFR.start", "settings=profile", "name=gap",
                    "jdk.ExecutionSample#period=1ms", "jdk.NativeMethodSample#period=1ms", "filename=" + jfr],
                   capture_output=True, check=True)
    load.run_wrk(port, scenario, o.seconds, o.load_cpus, 1, o.connections)
    subprocess.run([jcmd, str(running.pid), "JFR.stop", "name=gap"], capture_output=True, check=True)
    tool = os.path.join(os.path.dirname(ctx.java), "jfr")
    printed = subprocess.run([tool, "print", "--json", "--stack-depth", "64", "--events",
                              "jdk.ExecutionSample,jdk.NativeMethodSample,jdk.VirtualThreadPinned", jfr],
                             capture_output=True, text=True, check=True).stdout
    events = json.loads(printed)["recording"]["events"]
    top = collections.Counter()
    inclusive = collections.Counter()
    layers = collections.Counter()
    native_layers = collections.Counter()
    pinned = 0
    samples = 0
    native = 0
    for e in events:
        if e["type"] == "jdk.VirtualThreadPinned":
            pinned += 1
            continue
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        names = ["%s.%s" % (f["method"]["type"]["name"], f["method"]["name"]) for f in frames]
        if e["type"] == "jdk.NativeMethodSample":
            native += 1   # a thread in native code (a system call, or parked): not CPU by itself
            native_layers[layer_of(names)] += 1
            continue
        samples += 1
        top[names[0]] += 1
        layers[layer_of(names)] += 1
        for name in set(names):
            inclusive[name] += 1
    return {"samples": samples, "pinned_events": pinned,
            "layers": [(k, round(100.0 * v / samples, 1)) for k, v in layers.most_common()],
            "native_samples": native,
            "native_layers": [(k, round(100.0 * v / max(native, 1), 1)) for k, v in native_layers.most_common()],
            "top_frames": [(k, round(100.0 * v / samples, 1)) for k, v in top.most_common(o.top)],
            "inclusive": [(k, round(100.0 * v / samples, 1)) for k, v in inclusive.most_common(3 * o.top)],
            "jfr": jfr}


# Layers by the first matching frame from the top of the stack (the leaf); order matters only
# within one frame. Patterns are substrings of "class.method" with '/' separators.
LAYERS = [
    ("jfr itself", ("jdk/internal/event/", "jdk/jfr/")),
    ("parse", ("io/gatehouse/http/RequestParser", "io/gatehouse/http/Tokens", "io/gatehouse/http/RequestHead",
               "io/gatehouse/http/HeaderBlock", "org/eclipse/jetty/http/HttpParser", "org/eclipse/jetty/http/HttpURI",
               "io/netty/handler/codec/http/HttpObjectDecoder", "io/netty/handler/codec/ByteToMessageDecoder")),
    ("environ / request object", ("io/gatehouse/server/GatewayCall", "io/gatehouse/spec/Environ",
                                  "io/gatehouse/server/PathDecoder", "io/gatehouse/server/RequestBodyInput",
                                  "org/eclipse/jetty/server/internal/HttpChannelState",
                                  "org/eclipse/jetty/server/internal/HttpConnection$RequestHandler",
                                  "org/eclipse/jetty/server/internal/HttpConnection$HttpStreamOverHTTP1.<init>",
                                  "org/eclipse/jetty/http/HttpFields", "io/netty/handler/codec/http/DefaultHttp")),
    ("app", ("examples/hello/", "io/gatehouse/bench/peers/", "com/fasterxml/jackson")),
    ("response head", ("io/gatehouse/http/ResponseHeadWriter", "io/gatehouse/server/ResponseStart",
                       "io/gatehouse/server/ResponseSender", "io/gatehouse/http/HttpDate",
                       "org/eclipse/jetty/http/HttpGenerator", "io/netty/handler/codec/http/HttpObjectEncoder")),
    ("write", ("io/gatehouse/server/SocketOutput", "IOUtil.write", "SocketDispatcher.write",
               "SocketChannelImpl.write", "org/eclipse/jetty/io/WriteFlusher", "SocketChannelEndPoint.flush",
               "io/netty/channel/nio/AbstractNioByteChannel.doWrite", "io/netty/channel/socket/nio/NioSocketChannel.doWrite")),
    ("read", ("IOUtil.read", "SocketDispatcher.read", "SocketChannelImpl.read", "io/gatehouse/server/Connection.fill",
              "SocketChannelEndPoint.fill", "io/netty/channel/socket/nio/NioSocketChannel.doReadBytes")),
    ("scheduler / park / unpark", ("java/lang/VirtualThread", "jdk/internal/vm/Continuation",
                                   "java/util/concurrent/ForkJoin", "java/util/concurrent/locks/LockSupport",
                                   "sun/nio/ch/Poller", "jdk/internal/misc/Unsafe.park",
                                   "org/eclipse/jetty/util/thread/", "io/netty/util/concurrent/SingleThreadEventExecutor")),
    ("selector / epoll", ("sun/nio/ch/EPoll", "sun/nio/ch/SelectorImpl", "org/eclipse/jetty/io/ManagedSelector",
                          "io/netty/channel/nio/NioEventLoop", "io/netty/channel/nio/NioIoHandler")),
    ("buffers", ("org/eclipse/jetty/io/ArrayByteBufferPool", "io/gatehouse/server/BufferPool", "io/netty/buffer/")),
    ("connection loop / pipeline", ("io/gatehouse/server/Connection", "org/eclipse/jetty/server/internal/HttpConnection",
                                    "org/eclipse/jetty/io/", "io/netty/channel/")),
]


def layer_of(names):
    for name in names:
        for layer, patterns in LAYERS:
            if any(p in name for p in patterns):
                return layer
    return "other: " + names[0]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", default="gatehouse,jetty")
    p.add_argument("--scenarios", default="plaintext-64")
    p.add_argument("--seconds", type=int, default=8)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--server-cpus", default="0")
    p.add_argument("--load-cpus", default="1")
    p.add_argument("--port", type=int, default=19180)
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--connections", type=int, help="instead of the scenario's")
    p.add_argument("--no-perf", action="store_true")
    p.add_argument("--no-strace", action="store_true")
    p.add_argument("--no-jfr", action="store_true")
    p.add_argument("--jvm-opts", default="-Xms512m -Xmx512m -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED "
                                         "--sun-misc-unsafe-memory-access=allow")
    p.add_argument("--out", default=os.path.join(HERE, "..", "out", "profile"))
    o = p.parse_args(argv)
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
    ctx = servers.Context(java, o.jvm_opts.split(), harness.peers_classpath(), os.path.join(HERE, "..", "python"),
                          None)
    port = o.port
    for scenario in scenarios.by_names(o.scenarios.split(",")):
        for server in servers.by_names(o.only.split(",")):
            run_dir = os.path.abspath(os.path.join(o.out, "%s-%s" % (server.name, scenario.name)))
            os.makedirs(run_dir, exist_ok=True)
            launch = server.command(port, scenario.app, ctx, run_dir)
            running = procs.launch(server.name, launch.argv, o.server_cpus, os.path.join(run_dir, "server.log"),
                                   stop_signal=launch.stop_signal, env=launch.env)
            row = {"server": server.name, "scenario": scenario.name}
            try:
                procs.wait_ready(running, port)
                problem = load.check_response(port, scenario.path)
                if problem:
                    raise RuntimeError(problem)
                load.run_wrk(port, scenario, o.warmup, o.load_cpus, 1, o.connections)
                row["plain"] = plain_phase(running, port, scenario, o)
                if not o.no_perf and shutil.which("perf"):
                    row["perf"] = perf_phase(running, port, scenario, o, run_dir)
                if not o.no_strace and shutil.which("strace"):
                    row["strace"] = strace_phase(running, port, scenario, o, run_dir)
                if server.kind == "java" and not o.no_jfr:
                    row["jfr"] = jfr_phase(running, port, scenario, o, ctx, run_dir)
            finally:
                running.stop()
                port += 1
            with open(os.path.join(run_dir, "profile.json"), "w") as f:
                json.dump(row, f, indent=1)
            print(json.dumps(row, indent=1), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
