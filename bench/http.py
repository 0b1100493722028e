"""Measuring through real HTTP: an app served by gunicorn, a logged-in client, sequential
timings (median and nearest-rank p95) and a bounded-time throughput run.

The client shares the machine's two cores with the server it measures, so it is kept lean:
`requests` sessions with keep-alive (one TCP connection per client, no TLS, nothing parsed but
the status line and headers), the clock read right around each call, and for throughput one
thread per client. What the client itself costs is measured, not assumed: `Throughput`
carries the CPU time the client's own process spent (`client_cpu_s`, all threads), so a run
where the client used most of a core says the client, not the server, was the limit. On this
machine a throughput run against a trivial WSGI app (see tests/bench/test_http.py) reaches
well over a thousand requests a second with the same client, several times the 200 req/s the
targets ask of thidua's pages, so the client is not what the figures measure.

Cookies marked Secure (thidua in production, behind its TLS proxy) are sent back over plain
HTTP to the loopback address only: the bench stands where the proxy would.
"""

from __future__ import annotations

import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


class _Session(requests.Session):
    """A requests session that sends Secure cookies back over plain HTTP to the loopback
    address (requests builds a fresh cookie jar for every request, so a cookie policy on the
    session's jar would not be used)."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        response = super().send(request, **kwargs)
        for cookie in self.cookies:
            if cookie.secure and cookie.domain.removesuffix(".local") in LOOPBACK:
                cookie.secure = False
        return response


def new_session() -> requests.Session:
    return _Session()


def clone_session(session: requests.Session) -> requests.Session:
    """A session of its own (connection pool and all) carrying the same cookies: requests'
    sessions are not meant to be shared between threads."""
    twin = new_session()
    for cookie in session.cookies:
        twin.cookies.set_cookie(cookie)
    twin.headers.update(session.headers)
    return twin


def percentile(values: Sequence[float], p: int) -> float:
    """The nearest-rank percentile: the smallest value with at least p% of the values at or
    below it (rank ceil(p/100 * n), counted from 1). Integer arithmetic, so 95% of 20 values is
    rank 19, never 20 by a rounding slip."""
    if not values:
        raise ValueError("no values")
    if not 0 < p <= 100:
        raise ValueError("p must be in (0, 100]")
    ordered = sorted(values)
    rank = -(-p * len(ordered) // 100)
    return ordered[rank - 1]


class Server:
    """gunicorn serving `wsgi` on 127.0.0.1:`port`, as a context manager: started with `env`
    added to this process's environment, ready once it answers an HTTP request, stopped (master
    and workers) on exit. Refuses a port something else already listens on, so a stale server
    is never measured by mistake."""

    def __init__(
        self,
        wsgi: str,
        *,
        port: int,
        env: dict[str, str],
        workers: int = 2,
        python: str = sys.executable,
        cwd: str | None = None,
        timeout: int = 600,
    ) -> None:
        self.wsgi = wsgi
        self.port = port
        self.env = env
        self.workers = workers
        self.python = python
        self.cwd = cwd
        self.timeout = timeout
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None
        self._log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in __exit__)
            prefix="gunicorn-", suffix=".log", delete=False
        )

    def __enter__(self) -> Server:
        if _port_in_use(self.port):
            raise RuntimeError(f"port {self.port} is already in use")
        command = [
            self.python,
            "-m",
            "gunicorn",
            self.wsgi,
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            str(self.timeout),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command,
            env={**os.environ, **self.env},
            cwd=self.cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is not None:  # the server's side of what went wrong
            print(f"gunicorn log ({self.wsgi}):\n{self.log()}", file=sys.stderr)
        self._stop()

    def _wait_ready(self, seconds: float = 120) -> None:
        assert self.process is not None  # noqa: S101 (set by __enter__)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.log()}")
            try:
                requests.get(self.url + "/", timeout=30, allow_redirects=False)
            except requests.ConnectionError:
                time.sleep(0.1)
                continue
            if len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer within {seconds} s:\n{self.log()}")

    def log(self) -> str:
        return Path(self._log.name).read_text(errors="replace")[-4000:]

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def peak_rss_mb(self) -> float:
        """Peak resident memory (VmHWM) of the master plus each live worker, in MiB. Pages a
        forked worker still shares with the master count in both, so this is an upper bound."""
        if self.process is None:
            return 0.0
        total_kb = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
            if match:
                total_kb += int(match.group(1))
        return round(total_kb / 1024, 1)

    def _stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)  # gunicorn stops its workers gracefully
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # its own session: only what it started
                process.wait(timeout=10)
        self._log.close()


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def csrf_token(html: str) -> str:
    tag = re.search(r"<input[^>]*csrfmiddlewaretoken[^>]*>", html)
    if tag is None:
        raise RuntimeError("no CSRF token in the form")
    value = re.search(r'value="?([^" >]+)', tag.group(0))
    if value is None:
        raise RuntimeError("no value in the CSRF input")
    return value.group(1)


def login(
    base_url: str,
    username: str,
    password: str,
    *,
    login_path: str,
    username_field: str = "username",
    password_field: str = "password",  # noqa: S107 (a form field's name, not a password)
) -> requests.Session:
    """A session logged in through the real login form (CSRF token and cookie, Referer).
    Raises unless the form answered with a redirect away from the login page."""
    session = new_session()
    url = urljoin(base_url, login_path)
    page = session.get(url, timeout=60)
    page.raise_for_status()
    answer = session.post(
        url,
        data={
            "csrfmiddlewaretoken": csrf_token(page.text),
            username_field: username,
            password_field: password,
        },
        headers={"Referer": url},
        allow_redirects=False,
        timeout=60,
    )
    location = answer.headers.get("Location", "")
    if answer.status_code not in (301, 302, 303) or urlsplit(location).path == login_path:
        raise RuntimeError(f"login as {username} at {url} failed ({answer.status_code})")
    return session


@dataclass
class Timing:
    label: str
    n: int
    median_ms: float
    p95_ms: float
    max_ms: float
    bytes: int
    status: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _timed(
    call: Callable[[], requests.Response], *, label: str, warmup: int, repeats: int
) -> Timing:
    def checked() -> requests.Response:
        response = call()
        if response.status_code != 200:
            raise RuntimeError(
                f"{label}: HTTP {response.status_code} from {response.url}\n{response.text[:500]}"
            )
        return response

    for _ in range(warmup):
        checked()
    times: list[float] = []
    response = None
    for _ in range(repeats):
        start = time.perf_counter()
        response = checked()
        times.append((time.perf_counter() - start) * 1000)
    assert response is not None  # noqa: S101 (repeats >= 1)
    return Timing(
        label=label,
        n=repeats,
        median_ms=round(statistics.median(times), 1),
        p95_ms=round(percentile(times, 95), 1),
        max_ms=round(max(times), 1),
        bytes=len(response.content),
        status=response.status_code,
    )


def time_get(
    session: requests.Session, url: str, *, label: str, warmup: int = 2, repeats: int = 30
) -> Timing:
    """`warmup` untimed GETs, then `repeats` timed ones in a row; any answer but 200 raises."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    return _timed(
        lambda: session.get(url, timeout=600, allow_redirects=False),
        label=label,
        warmup=warmup,
        repeats=repeats,
    )


def time_post(
    session: requests.Session,
    url: str,
    data: dict[str, str],
    *,
    label: str,
    warmup: int = 1,
    repeats: int = 10,
) -> Timing:
    """As `time_get` for a form POST (the CSRF token is read once from the page at `url`)."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    token = session.cookies.get("csrftoken") or csrf_token(session.get(url, timeout=600).text)
    form = {"csrfmiddlewaretoken": token, **data}
    return _timed(
        lambda: session.post(
            url, data=form, headers={"Referer": url}, timeout=600, allow_redirects=False
        ),
        label=label,
        warmup=warmup,
        repeats=repeats,
    )


@dataclass
class Throughput:
    label: str
    clients: int
    seconds: float
    requests: int
    rps: float
    errors: int
    p95_ms: float
    # CPU the measuring process itself used, in seconds (all its threads): near `seconds`
    # means the client took a whole core and may have been the limit.
    client_cpu_s: float = 0.0
    first_errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def throughput(
    label: str,
    make_request: Callable[[int, requests.Session], requests.Response],
    sessions: list[requests.Session],
    *,
    seconds: float = 20,
    clients: int = 50,
) -> Throughput:
    """`clients` threads, each with its own keep-alive session (a copy of
    sessions[i % len(sessions)]), call make_request(i, session) in a loop for `seconds`. Each
    client first makes one untimed request (connection set up). An error is an exception or
    an answer outside 2xx/3xx; requests that finish after the deadline still count."""
    if not sessions:
        raise ValueError("at least one session")
    own = [clone_session(sessions[i % len(sessions)]) for i in range(clients)]
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures: list[list[str]] = [[] for _ in range(clients)]
    ready = threading.Barrier(clients + 1)
    go = threading.Event()
    deadline = [0.0]

    def call(i: int) -> tuple[float, str | None]:
        start = time.perf_counter()
        try:
            response = make_request(i, own[i])
        except Exception as error:  # any failure is counted, not raised
            return (time.perf_counter() - start, f"{type(error).__name__}: {error}")
        elapsed = time.perf_counter() - start
        if not 200 <= response.status_code < 400:
            return (elapsed, f"HTTP {response.status_code}")
        return (elapsed, None)

    def client(i: int) -> None:
        call(i)  # warm: connection and the server's first touch of this client
        ready.wait()
        go.wait()
        while time.perf_counter() < deadline[0]:
            elapsed, problem = call(i)
            latencies[i].append(elapsed * 1000)
            if problem is not None:
                failures[i].append(problem)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()
    cpu_start = time.process_time()
    start = time.perf_counter()
    deadline[0] = start + seconds
    go.set()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    for session in own:
        session.close()
    times = [t for per_client in latencies for t in per_client]
    errors = [e for per_client in failures for e in per_client]
    return Throughput(
        label=label,
        clients=clients,
        seconds=round(wall, 2),
        requests=len(times),
        rps=round(len(times) / wall, 1) if wall else 0.0,
        errors=len(errors),
        p95_ms=round(percentile(times, 95), 1) if times else math.nan,
        client_cpu_s=round(cpu, 2),
        first_errors=errors[:5],
    )
