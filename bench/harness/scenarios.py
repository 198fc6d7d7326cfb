"""The load scenarios: what wrk sends, over how many connections, against which application.

Scenarios come in suites: `peers` (the hello servers of issue 3) and `static` (files from disk,
issue 5). `bench/run --suite static` runs only the latter.
"""
import catalog

SUITES = ("peers", "static")


class Scenario:
    def __init__(self, name, title, path, connections, app, depth=1, close=False, suite="peers"):
        self.name = name
        self.title = title
        self.path = path
        self.connections = connections
        self.app = app
        self.depth = depth
        self.close = close
        self.suite = suite


SCENARIOS = [
    Scenario("plaintext-64", "Plaintext, keep-alive, 64 connections", "/", 64, "hello"),
    Scenario("plaintext-1024", "Plaintext, keep-alive, 1,024 connections", "/", 1024, "hello"),
    Scenario("pipelined-16", "Plaintext, pipelined depth 16, 64 connections", "/", 64, "hello", depth=16),
    Scenario("json", "JSON serialised per request, 64 connections", "/json", 64, "bench"),
    Scenario("64k", "64 KiB body, 64 connections", "/64k", 64, "bench"),
    Scenario("close", "New connection per request (Connection: close), 64 connections", "/", 64, "hello",
             close=True),
    Scenario("static-4k", "4 KiB file, keep-alive, 64 connections", "/4k.bin", 64, "static", suite="static"),
    Scenario("static-1m", "1 MiB file, keep-alive, 64 connections", "/1m.bin", 64, "static", suite="static"),
]


def suites_named(value):
    """`all`, or a comma-separated list of suites; one readable line for a typo."""
    names = [n for n in value.split(",") if n]
    if not names or names == ["all"]:
        return list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise SystemExit("bench: unknown suite %s; known: all, %s" % (", ".join(unknown), ", ".join(SUITES)))
    return [s for s in SUITES if s in names]


def by_names(names, suites=SUITES):
    """The scenarios named (any suite), or every scenario of the chosen suites when none is named."""
    if names:
        return catalog.pick(SCENARIOS, names, "scenario")
    return [s for s in SCENARIOS if s.suite in suites]
