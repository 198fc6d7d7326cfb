"""Opens N keep-alive connections, sends one GET on each, reads each response, then holds them.

Usage: idle_client.py PORT N MAX_SECONDS
Prints "ready OPENED ANSWERED" once every connection got its response (or failed), then obeys
commands on stdin: "count" prints "open K" (connections the server has not closed), "close" or
end of input closes everything and exits. It exits by itself after MAX_SECONDS whatever happens.
"""
import selectors
import socket
import sys
import time


def main():
    port, n, max_seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    deadline = time.monotonic() + max_seconds
    request = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port).encode("ascii")
    sel = selectors.DefaultSelector()
    pending = {}
    opened = []
    for _ in range(n):
        if time.monotonic() > deadline:
            break
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect(("127.0.0.1", port))
            s.sendall(request)
        except OSError:
            s.close()
            continue
        s.setblocking(False)
        opened.append(s)
        pending[s] = bytearray()
        sel.register(s, selectors.EVENT_READ)
        drain(sel, pending, 0)
    while pending and time.monotonic() < min(deadline, time.monotonic() + 30):
        drain(sel, pending, 0.2)
    answered = len(opened) - len(pending)
    print("ready %d %d" % (len(opened), answered), flush=True)
    for s in list(pending):
        sel.unregister(s)
    pending.clear()
    for line in sys.stdin:
        if time.monotonic() > deadline or line.strip() == "close":
            break
        if line.strip() == "count":
            print("open %d" % count_open(opened), flush=True)
    for s in opened:
        s.close()


def drain(sel, pending, timeout):
    """Reads what has arrived; a connection is done once a whole response head and body are in."""
    for key, _ in sel.select(timeout):
        s = key.fileobj
        try:
            data = s.recv(65536)
        except BlockingIOError:
            continue
        except OSError:
            data = b""
        buf = pending.get(s)
        if buf is None:
            continue
        buf += data
        if not data or complete(buf):
            sel.unregister(s)
            del pending[s]


def complete(buf):
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return False
    for line in bytes(buf[:end]).split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(buf) - end - 4 >= int(line.split(b":")[1])
    return True


def count_open(sockets):
    """A socket the peer closed reads as end of input (b"") without blocking; those do not count."""
    alive = 0
    for s in sockets:
        try:
            data = s.recv(1, socket.MSG_PEEK)
            if data:
                alive += 1
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    return alive


if __name__ == "__main__":
    main()
