# The three benchmark resources for Gunicorn (bench_app:app): "/" is the seed's app unchanged,
# "/json" serialises with the standard json module per request, "/64k" sends the same pre-built
# 65,536 bytes as every other server.
import json

from seed_hello import app as hello

SIXTY_FOUR_KIB = b"0123456789abcdef" * 4096


def app(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path == "/json":
        body = json.dumps({"message": "Hello, World!"}, separators=(",", ":")).encode("utf-8")
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
    if path == "/64k":
        start_response("200 OK", [("Content-Type", "application/octet-stream"),
                                  ("Content-Length", str(len(SIXTY_FOUR_KIB)))])
        return [SIXTY_FOUR_KIB]
    if path == "/":
        return hello(environ, start_response)
    start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
    return [b""]
