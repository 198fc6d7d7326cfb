# The seed's hello application, exactly as the seed writes it (served by Gunicorn as seed_hello:app).
def app(environ, start_response):
    data = b"Hello, World!\n"
    start_response("200 OK", [
        ("Content-Type", "text/plain"),
        ("Content-Length", str(len(data)))
    ])
    return iter([data])
