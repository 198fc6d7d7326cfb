"""Time from launching a server process to its first answered request."""
import time

import procs


def first_answer_ms(server, ctx, port, cpus, run_dir, log_path, timeout=30.0):
    """Launches the server, polls GET / every 5 ms over a fresh connection, returns ms; always stops it."""
    argv, stop_signal, cwd = server.command(port, "hello", ctx, run_dir)
    start = time.monotonic()
    running = procs.launch(server.name, argv, cpus, log_path, stop_signal=stop_signal, cwd=cwd)
    try:
        while time.monotonic() - start < timeout:
            try:
                status, _, _ = procs.http_get(port, "/", timeout=0.5)
                if status == 200:
                    return (time.monotonic() - start) * 1000
            except OSError:
                pass
            if not running.alive():
                procs.exited(running)
            time.sleep(0.005)
        raise RuntimeError("no answer within %.0f s" % timeout)
    finally:
        running.stop()
