"""The measuring harness: percentiles by nearest rank, errors counted under load, and a
gunicorn server that starts, answers, reports its memory and stops with its workers."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
import requests

from bench import http

TINY_APP = """
import os

def application(environ, start_response):
    if environ["PATH_INFO"] == "/broken":
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
        return [b"broken"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello " + os.environ.get("BENCH_GREETING", "").encode()]
"""


def test_percentile_is_the_nearest_rank():
    twenty = [float(v) for v in range(1, 21)]

    assert http.percentile(twenty, 95) == 19.0  # rank ceil(0.95 * 20) = 19, not the maximum
    assert http.percentile(twenty, 50) == 10.0
    assert http.percentile(twenty, 100) == 20.0
    assert http.percentile([float(v) for v in range(1, 31)], 95) == 29.0  # ceil(28.5)
    assert http.percentile([7.0], 95) == 7.0
    assert http.percentile([3.0, 1.0, 2.0], 95) == 3.0  # unsorted input


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="no values"):
        http.percentile([], 95)


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _ThreadedServer(WSGIServer):
    """One thread per connection, so 5 keep-alive clients do not wait on each other."""

    def process_request(self, request, client_address):
        threading.Thread(target=self._serve, args=(request, client_address), daemon=True).start()

    def _serve(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        finally:
            self.shutdown_request(request)


@pytest.fixture
def tiny_server() -> Iterator[str]:
    def app(environ, start_response):
        status = "500 Internal Server Error" if environ["PATH_INFO"] == "/broken" else "200 OK"
        start_response(status, [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]

    server = make_server("127.0.0.1", 0, app, server_class=_ThreadedServer, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_time_get_reports_every_repeat(tiny_server):
    timing = http.time_get(http.new_session(), tiny_server + "/", label="tiny", repeats=7)

    assert (timing.label, timing.n, timing.status, timing.bytes) == ("tiny", 7, 200, 2)
    assert 0 < timing.median_ms <= timing.p95_ms <= timing.max_ms


def test_time_get_fails_loudly_on_a_server_error(tiny_server):
    with pytest.raises(RuntimeError, match="HTTP 500"):
        http.time_get(http.new_session(), tiny_server + "/broken", label="broken", repeats=3)


def test_throughput_counts_every_failed_answer_as_an_error(tiny_server):
    def every_third_broken(i: int, session: requests.Session) -> requests.Response:
        return session.get(tiny_server + ("/broken" if i % 3 == 0 else "/"), timeout=10)

    result = http.throughput(
        "mixed", every_third_broken, [http.new_session()], seconds=0.5, clients=6
    )

    # clients 0 and 3 only ever ask for the broken page: 2 of 6 clients
    assert result.requests > 0
    assert 0 < result.errors < result.requests
    assert result.first_errors[0] == "HTTP 500"
    assert result.clients == 6 and result.seconds >= 0.5
    assert result.rps == pytest.approx(result.requests / result.seconds, rel=0.01)


def test_throughput_counts_a_refused_connection_as_an_error():
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]

    result = http.throughput(
        "dead",
        lambda i, s: s.get(f"http://127.0.0.1:{dead}/", timeout=2),
        [http.new_session()],
        seconds=0.2,
        clients=2,
    )

    assert result.requests == result.errors > 0
    assert result.first_errors[0].startswith("ConnectionError")


def test_server_serves_the_app_with_its_environment_then_stops_its_workers(tmp_path: Path):
    (tmp_path / "tinyapp.py").write_text(TINY_APP)
    server = http.Server(
        "tinyapp:application",
        port=8821,
        env={"BENCH_GREETING": "thidua"},
        workers=2,
        cwd=str(tmp_path),
    )

    with server:
        answer = requests.get(server.url + "/", timeout=10)
        workers = server.worker_pids()
        memory = server.peak_rss_mb()
        master = server.process.pid

    assert (answer.status_code, answer.text) == (200, "hello thidua")
    assert len(workers) == 2
    assert memory > 10  # three Python processes, each several MiB
    for pid in [master, *workers]:
        assert not os.path.exists(f"/proc/{pid}") or _is_zombie(pid)
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url + "/", timeout=2)


def test_server_refuses_a_port_already_taken(tmp_path: Path):
    (tmp_path / "tinyapp.py").write_text(TINY_APP)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 8822))
        taken.listen()
        with (
            pytest.raises(RuntimeError, match="already in use"),
            http.Server("tinyapp:application", port=8822, env={}, cwd=str(tmp_path)),
        ):
            pass


def test_server_reports_an_app_that_cannot_start(tmp_path: Path):
    with (
        pytest.raises(RuntimeError, match="gunicorn exited"),
        http.Server("nosuchmodule:application", port=8823, env={}, cwd=str(tmp_path)),
    ):
        pass


def test_login_posts_the_form_with_its_csrf_token_and_keeps_secure_cookies(tmp_path: Path):
    (tmp_path / "loginapp.py").write_text(LOGIN_APP)

    with http.Server("loginapp:application", port=8824, env={}, cwd=str(tmp_path)) as server:
        session = http.login(server.url, "an", "right", login_path="/login/")
        page = session.get(server.url + "/private/", timeout=10)
        with pytest.raises(RuntimeError, match="failed"):
            http.login(server.url, "an", "wrong", login_path="/login/")

    assert page.text == "welcome an"


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


# A login form as Django renders it: a CSRF token in the form and in a Secure cookie, a
# session cookie marked Secure (thidua in production), a redirect on success.
LOGIN_APP = """
from urllib.parse import parse_qs

def application(environ, start_response):
    path = environ["PATH_INFO"]
    raw = environ.get("HTTP_COOKIE", "").split(";")
    cookies = dict(part.strip().split("=", 1) for part in raw if "=" in part)
    if path == "/login/" and environ["REQUEST_METHOD"] == "GET":
        start_response("200 OK", [
            ("Content-Type", "text/html"),
            ("Set-Cookie", "csrftoken=tok123; Path=/; Secure"),
        ])
        return [b'<form><input type="hidden" name="csrfmiddlewaretoken" value="tok123"></form>']
    if path == "/login/":
        size = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
        good = (
            cookies.get("csrftoken") == "tok123"
            and form.get("csrfmiddlewaretoken") == "tok123"
            and form.get("password") == "right"
        )
        if good:
            start_response("302 Found", [
                ("Location", "/private/"),
                ("Set-Cookie", "sessionid=" + form["username"] + "; Path=/; Secure; HttpOnly"),
            ])
            return [b""]
        start_response("200 OK", [("Content-Type", "text/html")])
        return [b'<form><input name="csrfmiddlewaretoken" value="tok123"></form>']
    if path == "/private/" and "sessionid" in cookies:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [("welcome " + cookies["sessionid"]).encode()]
    start_response("302 Found", [("Location", "/login/")])
    return [b""]
"""
