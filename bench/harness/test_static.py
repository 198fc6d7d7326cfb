"""Tests of the static suite's pure logic: python3 -m unittest discover -s bench/harness (no servers needed)."""
import os
import tempfile
import unittest

import docroot
import report
import scenarios
import servers


class DocrootTest(unittest.TestCase):
    def test_files_have_their_exact_sizes_and_the_same_bytes_every_time(self):
        self.assertEqual(len(docroot.content(4096)), 4096)
        self.assertEqual(len(docroot.content(1024 * 1024)), 1024 * 1024)
        self.assertEqual(docroot.content(4096), docroot.content(1024 * 1024)[:4096])

    def test_content_does_not_repeat_so_a_wrong_region_is_caught(self):
        big = docroot.content(1024 * 1024)
        self.assertNotEqual(big[:4096], big[4096:8192])

    def test_create_writes_every_file_readable_by_others(self):
        with tempfile.TemporaryDirectory() as d:
            docroot.create(d)
            with open(os.path.join(d, "1m.bin"), "rb") as f:
                self.assertEqual(f.read(), docroot.content(1024 * 1024))
            self.assertEqual(os.stat(os.path.join(d, "4k.bin")).st_mode & 0o777, 0o644)
            self.assertEqual(os.stat(d).st_mode & 0o777, 0o755)


class JudgeTest(unittest.TestCase):
    body = docroot.content(4096)

    def judge(self, status=200, length="4096", body=None):
        headers = {} if length is None else {"content-length": length}
        return docroot.judge("/4k.bin", status, headers, self.body if body is None else body)

    def test_exact_file_with_exact_length_passes(self):
        self.assertIsNone(self.judge())

    def test_wrong_status_fails(self):
        self.assertEqual(self.judge(status=404), "/4k.bin answered 404")

    def test_missing_or_wrong_content_length_fails(self):
        self.assertEqual(self.judge(length=None), "/4k.bin has Content-Length None, the file has 4096 bytes")
        self.assertEqual(self.judge(length="4095"), "/4k.bin has Content-Length 4095, the file has 4096 bytes")

    def test_short_body_fails(self):
        self.assertEqual(self.judge(body=self.body[:4000]), "/4k.bin sent 4000 bytes of 4096")

    def test_one_changed_byte_fails_and_is_located(self):
        changed = self.body[:100] + bytes([self.body[100] ^ 1]) + self.body[101:]
        self.assertEqual(self.judge(body=changed), "/4k.bin differs from the file at byte 100")


class SuitesTest(unittest.TestCase):
    def test_all_is_every_suite_and_a_typo_is_one_line(self):
        self.assertEqual(scenarios.suites_named("all"), ["peers", "static"])
        self.assertEqual(scenarios.suites_named("static"), ["static"])
        with self.assertRaises(SystemExit) as e:
            scenarios.suites_named("statics")
        self.assertEqual(str(e.exception), "bench: unknown suite statics; known: all, peers, static")

    def test_static_suite_has_the_two_files(self):
        chosen = scenarios.by_names([], ["static"])
        self.assertEqual([(s.name, s.path, s.connections) for s in chosen],
                         [("static-4k", "/4k.bin", 64), ("static-1m", "/1m.bin", 64)])
        self.assertTrue(all(s.path in docroot.FILES for s in chosen))

    def test_peers_suite_is_the_scenarios_of_issue_3(self):
        self.assertEqual([s.name for s in scenarios.by_names([], ["peers"])],
                         ["plaintext-64", "plaintext-1024", "pipelined-16", "json", "64k", "close"])

    def test_who_takes_part_in_the_static_suite(self):
        taking_part = [s.name for s in servers.SERVERS if s.in_suite("static")]
        self.assertEqual(taking_part, ["gatehouse", "nginx", "python"])
        python = servers.by_names(["python"])[0]
        self.assertFalse(python.in_suite("peers"))
        cli = servers.by_names(["gatehouse-cli"])[0]
        self.assertTrue(cli.in_suite("peers"))
        self.assertFalse(cli.serves("bench"))  # so json and 64k show "skipped", as before


class StaticLaunchTest(unittest.TestCase):
    def context(self, root):
        return servers.Context("java", ["-Xmx512m"], "", "/py", "/repo/gatehouse", root)

    def test_gatehouse_runs_gatehouse_static_with_the_java_flags(self):
        launch = servers.by_names(["gatehouse"])[0].command(19001, "static", self.context("/d"), "/run")
        self.assertEqual(launch.argv, ["/repo/gatehouse", "static", "/d", "--bind", "127.0.0.1:19001",
                                       "--no-listing"])
        self.assertEqual(launch.env["GATEHOUSE_JAVA_OPTS"], "-Xmx512m")

    def test_nginx_serves_the_root_with_sendfile(self):
        with tempfile.TemporaryDirectory() as run_dir:
            launch = servers.by_names(["nginx"])[0].command(19002, "static", self.context("/d"), run_dir)
            with open(os.path.join(run_dir, "nginx.conf")) as f:
                conf = f.read()
        self.assertIn("sendfile on;", conf)
        self.assertIn("root /d;", conf)
        self.assertIn("listen 127.0.0.1:19002 backlog=2048;", conf)
        self.assertEqual(launch.argv[-1], os.path.join(run_dir, "error.log"))

    def test_nginx_for_the_hello_scenarios_keeps_its_fixed_answers(self):
        with tempfile.TemporaryDirectory() as run_dir:
            servers.by_names(["nginx"])[0].command(19004, "hello", self.context("/d"), run_dir)
            with open(os.path.join(run_dir, "nginx.conf")) as f:
                conf = f.read()
            with open(os.path.join(run_dir, "64k.bin"), "rb") as f:
                self.assertEqual(f.read(), servers.SIXTY_FOUR_KIB)
        self.assertIn('location = / { default_type text/plain; return 200 "Hello, World!\\n"; }', conf)
        self.assertIn("""return 200 '{"message":"Hello, World!"}';""", conf)
        self.assertIn("alias %s/64k.bin;" % run_dir, conf)
        self.assertNotIn("sendfile", conf)

    def test_python_is_the_standard_library_server(self):
        launch = servers.by_names(["python"])[0].command(19003, "static", self.context("/d"), "/run")
        self.assertEqual(launch.argv[1:], ["-m", "http.server", "19003", "--bind", "127.0.0.1", "--directory", "/d"])


def run(server, scenario, rps, mib_s, status="ok"):
    return {"server": server, "scenario": scenario, "rep": 1, "status": status, "rps": rps, "mib_s": mib_s,
            "p50_us": 1000, "p99_us": 2000, "max_us": 5000, "cpu_s": 3.5, "rss_peak_kib": 204800, "errors": 0,
            "cpu_us_per_request": 3.5e6 / (rps * 4) if rps else None}


def static_results(runs, load_before=(0.1, 0.2, 0.3)):
    return {
        "meta": {"date": "2026-11-25 11:30 UTC", "command": "bench/run --suite static", "quick": False,
                 "machine": {"nproc": 2, "cpu": "X", "memory_gib": 24, "kernel": "6", "jdk": "25"},
                 "server_cpus": "0", "load_cpus": "1", "wrk_threads": 1, "warmup_s": 2, "duration_s": 4,
                 "reps": 3, "jvm_opts": "-Xmx512m", "idle_connections": 10000, "startup_reps": 5,
                 "scenarios": ["static-4k", "static-1m"],
                 "scenario_titles": {"static-4k": "4 KiB file", "static-1m": "1 MiB file"},
                 "scenario_suites": {"static-4k": "static", "static-1m": "static"},
                 "servers": {},
                 "static_servers": {"gatehouse": "Gatehouse", "nginx": "nginx", "python": "python"},
                 "load_before": list(load_before)},
        "runs": list(runs), "idle": [], "startup": [], "jmh": None}


class StaticReportTest(unittest.TestCase):
    def markdown(self, **kw):
        return report.markdown(static_results([
            run("gatehouse", "static-4k", 30000, 130.5), run("nginx", "static-4k", 40000, 170.0),
            run("python", "static-4k", 2000, 8.0),
            run("gatehouse", "static-1m", 1500, 1500.0), run("nginx", "static-1m", 1000, 1000.0),
            run("python", "static-1m", 0, 0, status="failed")], **kw))

    def test_rows_carry_mib_per_second_and_ratios(self):
        md = self.markdown()
        self.assertIn("| nginx | 40,000 | 170.0 | 1.00 | 2.00 | 5.0 | 3.5 | 22 | 200 | 0 | 0.75× |", md)
        self.assertIn("| Gatehouse | 30,000 | 130.5 | 1.00 | 2.00 | 5.0 | 3.5 | 29 | 200 | 0 | — |", md)

    def test_a_failed_point_keeps_the_columns(self):
        self.assertIn("| python | failed | | | | | | | | | |\n", self.markdown())

    def test_summary_gives_gatehouse_over_nginx_and_python_per_file(self):
        md = self.markdown()
        self.assertIn("| Gatehouse ÷ | `static-4k` | `static-1m` |", md)
        self.assertIn("| nginx | 0.75× | 1.50× |", md)
        self.assertIn("| python | 15.00× | n/a |", md)

    def test_a_static_only_run_has_no_peer_tables_or_targets(self):
        md = self.markdown()
        self.assertIn("## Static files (issue 5)", md)
        self.assertNotIn("## Targets", md)
        self.assertNotIn("| Server | req/s | p50 ms |", md)

    def test_load_before_the_run_is_stated(self):
        self.assertIn("0.10, 0.20, 0.30 (1, 5, 15 min): the machine was otherwise idle", self.markdown())
        self.assertIn("2.50, 1.00, 0.50 (1, 5, 15 min): other work was running on the 2 CPUs, so the figures "
                      "are noisy", self.markdown(load_before=(2.5, 1.0, 0.5)))


class PublishTest(unittest.TestCase):
    peers = "# Benchmark results\n\n- **Date:** old\n\n## Plaintext\n\nold peers\n\n## Targets (issue 3)\n\nold targets\n"
    static_old = "## Static files (issue 5)\n\nold static\n"

    def test_static_run_replaces_only_the_static_section(self):
        before = self.peers + "\n" + self.static_old
        new = "# Benchmark results\n\n- **Date:** new\n\n## Static files (issue 5)\n\nnew static\n"
        self.assertEqual(report.publishable(before, new, ["static"]),
                         self.peers + "\n## Static files (issue 5)\n\nnew static\n")

    def test_static_run_appends_its_section_when_there_was_none(self):
        new = "# Benchmark results\n\n- **Date:** new\n\n## Static files (issue 5)\n\nnew static\n"
        self.assertEqual(report.publishable(self.peers, new, ["static"]),
                         self.peers + "\n## Static files (issue 5)\n\nnew static\n")

    def test_peers_run_keeps_the_old_static_section(self):
        before = self.peers + "\n" + self.static_old
        new = "# Benchmark results\n\n- **Date:** new\n\n## Plaintext\n\nnew peers\n"
        self.assertEqual(report.publishable(before, new, ["peers"]), new + "\n" + self.static_old)

    def test_a_run_of_both_suites_or_a_first_run_is_written_as_is(self):
        self.assertEqual(report.publishable(self.peers, "new\n", ["peers", "static"]), "new\n")
        self.assertEqual(report.publishable("", "new\n", ["static"]), "new\n")


if __name__ == "__main__":
    unittest.main()
