"""Tests of the report arithmetic: python3 -m unittest discover -s bench/harness (no servers needed)."""
import unittest

import report


def run(server, scenario, rps, rep=1, status="ok", p99=2000):
    return {"server": server, "scenario": scenario, "rep": rep, "status": status, "rps": rps,
            "p50_us": 1000, "p99_us": p99, "max_us": 5000, "cpu_s": 9.5, "rss_peak_kib": 204800, "errors": 0}


def results(runs, idle=(), startup=()):
    return {
        "meta": {"date": "2026-11-25 07:00 UTC", "command": "bench/run", "quick": False,
                 "machine": {"nproc": 2, "cpu": "X", "memory_gib": 24, "kernel": "6", "jdk": "25"},
                 "server_cpus": "0", "load_cpus": "1", "wrk_threads": 1, "warmup_s": 5, "duration_s": 10,
                 "reps": 3, "jvm_opts": "-Xmx512m", "idle_connections": 10000, "startup_reps": 5,
                 "scenarios": ["plaintext-64"], "scenario_titles": {"plaintext-64": "Plaintext"},
                 "servers": {"gatehouse": "Gatehouse", "jetty": "Jetty 12", "netty": "Netty", "nginx": "nginx"}},
        "runs": list(runs), "idle": list(idle), "startup": list(startup), "jmh": None}


class MediansTest(unittest.TestCase):
    def test_median_of_ok_repetitions_only(self):
        cells = report.medians(results([run("jetty", "plaintext-64", 100, 1), run("jetty", "plaintext-64", 300, 2),
                                        run("jetty", "plaintext-64", 200, 3),
                                        run("jetty", "plaintext-64", 9999, 4, status="failed")]))
        self.assertEqual(cells[("jetty", "plaintext-64")]["rps"], 200)
        self.assertEqual(cells[("jetty", "plaintext-64")]["n"], 3)

    def test_unknown_percentiles_are_skipped_not_zero(self):
        cells = report.medians(results([run("jetty", "plaintext-64", 100, 1, p99=None),
                                        run("jetty", "plaintext-64", 100, 2, p99=3000)]))
        self.assertEqual(cells[("jetty", "plaintext-64")]["p99_us"], 3000)

    def test_no_ok_repetition_keeps_the_status(self):
        cells = report.medians(results([{"server": "gatehouse", "scenario": "plaintext-64", "rep": 1,
                                         "status": "not available", "note": "not built"}]))
        self.assertEqual(cells[("gatehouse", "plaintext-64")]["status"], "not available")


class MarkdownTest(unittest.TestCase):
    def test_ratio_is_gatehouse_over_peer_and_targets_use_it(self):
        md = report.markdown(results([run("gatehouse", "plaintext-64", 130), run("jetty", "plaintext-64", 100),
                                      run("netty", "plaintext-64", 130), run("nginx", "plaintext-64", 200)]))
        self.assertIn("| Jetty 12 | 100 | 1.00 | 2.00 | 5.0 | 9.5 | 200 | 0 | 1.30× |", md)
        self.assertIn("| Plaintext 64: Gatehouse ÷ Jetty 12 | 1.30× | ≥ 1.2× | yes |", md)
        self.assertIn("| Plaintext 64: Gatehouse ÷ nginx | 0.65× | ≥ 0.9× | **no** |", md)

    def test_unavailable_gatehouse_gives_na_ratios(self):
        md = report.markdown(results([{"server": "gatehouse", "scenario": "plaintext-64", "rep": 1,
                                       "status": "not available", "note": "not built"},
                                      run("jetty", "plaintext-64", 100)]))
        self.assertIn("| Gatehouse | not available: not built |", md)
        self.assertIn("| Plaintext 64: Gatehouse ÷ Jetty 12 | n/a | ≥ 1.2× | n/a |", md)

    def test_idle_target_per_connection(self):
        idle = [{"server": "gatehouse", "status": "ok", "requested": 10000, "opened": 10000, "answered": 10000,
                 "still_open": 10000, "rss_before_kib": 100000, "rss_with_kib": 140000, "kib_per_connection": 4.0,
                 "p50_before_us": 100, "p99_before_us": 200, "p50_with_us": 110, "p99_with_us": 250, "errors_with": 0}]
        md = report.markdown(results([run("gatehouse", "plaintext-64", 130)], idle=idle))
        self.assertIn("| Idle connections: KiB per connection | 4.00 | < 5 | yes |", md)
        self.assertIn("| Idle connections: fresh client p99 with ÷ without | 1.25× | ≤ 1.5× | yes |", md)

    def test_bytes_per_plaintext_request_come_from_the_whole_path_benchmark(self):
        r = results([run("gatehouse", "plaintext-64", 130)])
        r["jmh"] = [{"benchmark": "EnvironBenchmark.plaintextGatewayCall", "score": 100.0, "unit": "ns/op",
                     "alloc_bytes_per_op": 1032.0},
                    {"benchmark": "ConnectionBenchmark.request (depth=16, head=wrk)", "score": 800.0, "unit": "ns/op",
                     "alloc_bytes_per_op": 1900.0},
                    {"benchmark": "ConnectionBenchmark.request (depth=1, head=wrk)", "score": 900.0, "unit": "ns/op",
                     "alloc_bytes_per_op": 2633.6}]
        md = report.markdown(r)
        self.assertIn("| Bytes allocated per plaintext request (JMH) | 2634 B | report, falling | n/a |", md)
        self.assertIn("| ConnectionBenchmark.request (depth=1, head=wrk) | 900.0 | ns/op | 2633.6 |", md)


class JmhRowNameTest(unittest.TestCase):
    def test_params_tell_rows_of_one_method_apart(self):
        import jmh
        self.assertEqual(jmh.row_name({"benchmark": "io.gatehouse.server.ConnectionBenchmark.request",
                                       "params": {"depth": "1", "head": "wrk"}}),
                         "ConnectionBenchmark.request (depth=1, head=wrk)")
        self.assertEqual(jmh.row_name({"benchmark": "io.gatehouse.bench.jmh.CodecBenchmark.parseCurlHead"}),
                         "CodecBenchmark.parseCurlHead")


if __name__ == "__main__":
    unittest.main()
