"""The files of the static suite: generated once per session into a directory every server serves.

The bytes are a fixed pseudo-random sequence (not a repeated pattern), so a server that sent the
wrong region of the file, or stopped early, fails the check instead of passing by coincidence.
"""
import hashlib
import os

FILES = {"/4k.bin": 4 * 1024, "/1m.bin": 1024 * 1024}


def content(size):
    """`size` bytes: SHA-256 of a counter, block after block; the same on every machine and run."""
    blocks = bytearray()
    counter = 0
    while len(blocks) < size:
        blocks += hashlib.sha256(b"gatehouse-bench-%d" % counter).digest()
        counter += 1
    return bytes(blocks[:size])


def create(directory):
    """Writes every file of FILES into `directory`, readable by nginx's unprivileged workers."""
    os.makedirs(directory, exist_ok=True)
    os.chmod(directory, 0o755)
    for path, size in FILES.items():
        file = os.path.join(directory, path.lstrip("/"))
        with open(file, "wb") as f:
            f.write(content(size))
        os.chmod(file, 0o644)
    return directory


def judge(path, status, headers, body):
    """None when the answer to GET `path` is the exact file with its exact Content-Length, else what is wrong."""
    size = FILES[path]
    if status != 200:
        return "%s answered %d" % (path, status)
    length = headers.get("content-length")
    if length != str(size):
        return "%s has Content-Length %s, the file has %d bytes" % (path, length, size)
    if len(body) != size:
        return "%s sent %d bytes of %d" % (path, len(body), size)
    expected = content(size)
    if body != expected:
        first = next(i for i in range(size) if body[i] != expected[i])
        return "%s differs from the file at byte %d" % (path, first)
    return None
