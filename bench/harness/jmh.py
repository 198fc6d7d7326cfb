"""Runs the JMH microbenchmarks of bench/jmh with the gc profiler and reads their JSON results."""
import json
import os
import subprocess

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(BENCH, "jmh", "target", "benchmarks.jar")


def run(o, out_dir):
    if not os.path.exists(JAR):
        print("[jmh] %s is missing: build it with -Pbench (bench/run does when bench/jmh exists)" % JAR)
        return None
    result_file = os.path.join(out_dir, "jmh.json")
    timing = ["-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s"] if o.quick else \
             ["-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s"]
    cpus = ["taskset", "-c", o.server_cpus] if o.server_cpus else []
    argv = cpus + [o.java] + o.jvm_opts.split() + ["-jar", JAR, "-prof", "gc", "-rf", "json", "-rff", result_file] + timing
    with open(os.path.join(out_dir, "jmh.log"), "w") as log:
        done = subprocess.run(argv, stdout=log, stderr=subprocess.STDOUT, timeout=3600)
    if done.returncode != 0 or not os.path.exists(result_file):
        print("[jmh] failed (exit %d); see %s" % (done.returncode, os.path.join(out_dir, "jmh.log")))
        return None
    rows = []
    with open(result_file) as f:
        for entry in json.load(f):
            secondary = entry.get("secondaryMetrics", {})
            alloc = secondary.get("gc.alloc.rate.norm", {}).get("score")
            rows.append({"benchmark": row_name(entry),
                         "score": entry["primaryMetric"]["score"], "unit": entry["primaryMetric"]["scoreUnit"],
                         "alloc_bytes_per_op": alloc})
    for r in rows:
        print("[jmh] %-60s %12.1f %s  %s B/op" % (r["benchmark"], r["score"], r["unit"], r["alloc_bytes_per_op"]))
    return rows


def row_name(entry):
    """Class.method, then the @Param values that tell the rows of one method apart: "X.request (depth=1, head=wrk)"."""
    parts = entry["benchmark"].rsplit(".", 2)
    name = parts[-2] + "." + parts[-1]
    params = entry.get("params") or {}
    if params:
        name += " (" + ", ".join("%s=%s" % (k, v) for k, v in params.items()) + ")"
    return name
