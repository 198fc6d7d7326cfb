"""Starting, watching and stopping one server process tree, and reading its CPU time and memory.

Every server starts in its own session (so its process group id is its PID), pinned with taskset,
and is stopped by that PID: first its polite stop signal, then SIGKILL to the whole group.
The PID is also written to PID_DIR so that bench/run's shell trap can kill it if Python dies.
"""
import os
import signal
import socket
import subprocess
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
NOT_AVAILABLE_EXIT = 3  # GatehouseHello's exit status while the real server is not built yet
PID_DIR = None  # set by main: a directory the shell trap sweeps


def taskset_prefix(cpus):
    return ["taskset", "-c", cpus] if cpus else []


class NotAvailable(RuntimeError):
    """The server exited saying it cannot run here yet (exit status 3)."""


def exited(running):
    """Raises for a server that has exited: NotAvailable for status 3, RuntimeError otherwise."""
    code = running.popen.returncode
    if code == NOT_AVAILABLE_EXIT:
        raise NotAvailable(running.log_tail(1))
    raise RuntimeError("exited with status %s: %s" % (code, running.log_tail()))


class Running:
    """One started server: its PID, its log file and how to stop it."""

    def __init__(self, name, popen, log_path, stop_signal):
        self.name = name
        self.popen = popen
        self.pid = popen.pid
        self.log_path = log_path
        self.stop_signal = stop_signal

    def alive(self):
        return self.popen.poll() is None

    def log_tail(self, lines=3):
        try:
            with open(self.log_path, errors="replace") as f:
                return " | ".join(line.strip() for line in f.readlines()[-lines:] if line.strip())
        except OSError:
            return ""

    def stop(self, grace=5.0):
        """Stops the server by its PID (process group), waiting at most `grace` seconds."""
        if self.alive():
            try:
                os.killpg(self.pid, self.stop_signal)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + grace
            while self.alive() and time.monotonic() < deadline:
                time.sleep(0.05)
        try:
            os.killpg(self.pid, signal.SIGKILL)  # also any worker left behind
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if PID_DIR:
            try:
                os.unlink(os.path.join(PID_DIR, str(self.pid)))
            except FileNotFoundError:
                pass


def launch(name, command, cpus, log_path, env=None, stop_signal=signal.SIGTERM):
    log = open(log_path, "w")
    popen = subprocess.Popen(taskset_prefix(cpus) + command, stdout=log, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    log.close()
    if PID_DIR:
        with open(os.path.join(PID_DIR, str(popen.pid)), "w") as f:
            f.write(name + "\n")
    return Running(name, popen, log_path, stop_signal)


def http_get(port, path="/", timeout=1.0, extra_headers=""):
    """One GET over a fresh connection; returns (status, headers dict, body) or raises OSError."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n%s\r\n"
                   % (path, port, extra_headers)).encode("ascii"))
        data = bytearray()
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            head_end = data.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = parse_head(bytes(data[:head_end]))
                length = headers.get("content-length")
                if length is not None and len(data) - head_end - 4 >= int(length):
                    break
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        raise OSError("no complete response head")
    status_line = bytes(data[:data.find(b"\r\n")]).decode("latin-1")
    status = int(status_line.split(" ")[1])
    return status, parse_head(bytes(data[:head_end])), bytes(data[head_end + 4:])


def parse_head(head):
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    return headers


def wait_ready(running, port, timeout=30.0, interval=0.005):
    """Polls GET / until it answers; returns seconds waited, or raises RuntimeError."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if not running.alive():
            exited(running)
        try:
            status, _, _ = http_get(port, "/", timeout=0.5)
            if status < 500:
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(interval)
    raise RuntimeError("not answering on port %d after %.0f s: %s" % (port, timeout, running.log_tail()))


def port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def tree(pid):
    """The PID and all its descendants, read from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError):
            continue
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def cpu_seconds(pid):
    """utime + stime of the process tree, in seconds (fields 14 and 15 of /proc/PID/stat)."""
    total = 0
    for p in tree(pid):
        try:
            with open("/proc/%d/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            continue
    return total / CLOCK_TICKS


def memory_kib(pid, field):
    """Sum of a /proc/PID/status field (VmHWM: peak, VmRSS: now) over the process tree, in KiB."""
    total = 0
    for p in tree(pid):
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith(field + ":"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total
