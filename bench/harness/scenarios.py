"""The load scenarios: what wrk sends, over how many connections, against which application."""
import catalog


class Scenario:
    def __init__(self, name, title, path, connections, app, depth=1, close=False):
        self.name = name
        self.title = title
        self.path = path
        self.connections = connections
        self.app = app
        self.depth = depth
        self.close = close


SCENARIOS = [
    Scenario("plaintext-64", "Plaintext, keep-alive, 64 connections", "/", 64, "hello"),
    Scenario("plaintext-1024", "Plaintext, keep-alive, 1,024 connections", "/", 1024, "hello"),
    Scenario("pipelined-16", "Plaintext, pipelined depth 16, 64 connections", "/", 64, "hello", depth=16),
    Scenario("json", "JSON serialised per request, 64 connections", "/json", 64, "bench"),
    Scenario("64k", "64 KiB body, 64 connections", "/64k", 64, "bench"),
    Scenario("close", "New connection per request (Connection: close), 64 connections", "/", 64, "hello",
             close=True),
]


def by_names(names):
    return catalog.pick(SCENARIOS, names, "scenario")
