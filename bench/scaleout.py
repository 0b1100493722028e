"""`make scaleout`: thidua scaled out on this machine: two gunicorn app servers and two
`thidua db_worker` processes on one PostgreSQL and one Redis, with production settings and
one SECRET_KEY, as docs/deployment.md ("Several app servers") describes.

It drops and recreates the given database's schema, migrates, loads the demo, collects the
static files into a temporary folder (also MEDIA_ROOT, shared by all four processes), starts
the four processes, and then, as a browser would (cookies, CSRF tokens from the forms):

1. logs in through server A as thidua_hp and finds the session valid on server B;
2. prints the certificates of the signed decision 52/QĐ-LĐLĐ twice: once through A with a
   CSRF token read on B, once through B with a token read on A;
3. while they run, shows the shared state: 30 wrong certificate codes sent to A make B refuse
   the next one (the throttle counts in Redis), and 5 wrong passwords for `xem` sent to A make
   B lock the right one out (django-axes counts in PostgreSQL);
4. follows each batch's progress through the other server until it is done, downloads its
   PDF there and counts the pages (one per certificate);
5. reads which worker ran each batch from django-tasks-db's result rows: both must have.

It prints what ran where and how long it took, exits 0 when every check holds and 1 with the
reason otherwise (2 when PostgreSQL, Redis or LibreOffice is missing), and stops every process
it started, on success, failure or Ctrl+C.

Usage: python -m bench.scaleout [--database-url URL] [--cache-url URL] [--ports A,B] [--keep]
The database's name must contain "scaleout": its schema is dropped.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests

from bench.http import csrf_token, new_session

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/thidua_scaleout"
DEFAULT_CACHE = "redis://127.0.0.1:6379/0"
DECISION = "52/QĐ-LĐLĐ"
OFFICER = ("thidua_hp", "thidua2024")
VIEWER = "xem"  # the login the lockout check locks (not the one that prints)
WRONG_CODE = "ZZ-ZZZZ-ZZZZ"  # a well-formed certificate code that names nothing


class ScaleoutError(Exception):
    """A check that did not hold, or a process that did not start: exit 1."""


class Unavailable(ScaleoutError):
    """PostgreSQL, Redis or LibreOffice is not there: exit 2."""


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def tail(self, lines: int = 25) -> str:
        text = self.log.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(f"    {line}" for line in text)


@dataclass
class Deployment:
    """What was started, so that it can all be stopped; and what was measured."""

    folder: Path
    env: dict[str, str]
    processes: list[Process] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def timed(self, label: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.timings.append((label, time.perf_counter() - start))

    def say(self, line: str) -> None:
        print(line, flush=True)

    def start(self, name: str, command: list[str]) -> Process:
        log = self.folder / f"{name}.log"
        with log.open("wb") as handle:
            popen = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                command,
                cwd=ROOT,
                env=self.env,
                stdout=handle,
                stderr=subprocess.STDOUT,
                # A process group of its own: stopped as a whole (gunicorn's workers,
                # LibreOffice under a worker), and out of reach of the terminal's Ctrl+C, which
                # this script turns into an orderly stop.
                start_new_session=True,
            )
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.processes:
            _signal_group(process.popen, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in self.processes:
            with suppress(subprocess.TimeoutExpired):
                process.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            # Whatever is left of the group (a LibreOffice still converting) goes too.
            _signal_group(process.popen, signal.SIGKILL)
            process.popen.wait(timeout=10)
        self.processes.clear()


def _signal_group(popen: subprocess.Popen[bytes], signum: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(popen.pid, signum)  # the group start_new_session gave this process


def _run(deployment: Deployment, label: str, command: list[str], **env: str) -> None:
    with deployment.timed(label):
        result = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
            command,
            cwd=ROOT,
            env={**deployment.env, **env},
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise ScaleoutError(f"{' '.join(command[2:])} failed:\n{result.stdout}\n{result.stderr}")


def _thidua(*args: str) -> list[str]:
    return [sys.executable, "-m", "thidua.cli", *args]


def prepare_database(url: str) -> str:
    """Create the database if it is missing and empty its schema; returns its name."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in {"postgres", "postgresql"}:
        raise Unavailable(f"the scale-out needs PostgreSQL, not {parts.scheme}://")
    if "scaleout" not in name:
        raise ScaleoutError(f"refusing to empty database {name!r}: its name lacks 'scaleout'")
    server = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=5) as connection:
            found = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if found is None:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as error:
        raise Unavailable(f"PostgreSQL does not answer at {parts.hostname}: {error}") from error
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return name


def check_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=3).ping()
    except redis.RedisError as error:
        raise Unavailable(f"Redis does not answer at {url}: {error}") from error


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _wait(what: str, ready: Callable[[], bool], process: Process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise ScaleoutError(f"{what} exited ({process.popen.returncode}):\n{process.tail()}")
        if ready():
            return
        time.sleep(0.2)
    raise ScaleoutError(f"{what} not ready within {seconds:.0f} s:\n{process.tail()}")


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5, allow_redirects=False).status_code == 200
    except requests.ConnectionError:
        return False


def start_servers(deployment: Deployment, ports: tuple[int, int]) -> tuple[str, str]:
    from django.urls import reverse

    urls = []
    for label, port in zip("AB", ports, strict=True):
        if not _port_free(port):
            raise ScaleoutError(f"port {port} is already in use")
        url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "gunicorn", "thidua.wsgi", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", "2", "--log-level", "warning"]
        process = deployment.start(f"server-{label}", command)
        with deployment.timed(f"server {label} up"):
            _wait(f"server {label}", partial(_answers, url + reverse("login")), process)
        urls.append(url)
    return urls[0], urls[1]


def _worker_started(process: Process) -> bool:
    return "Starting worker" in process.log.read_text(errors="replace")


def start_workers(deployment: Deployment) -> list[str]:
    ids = []
    for number in (1, 2):
        worker_id = f"scaleout-worker-{number}"
        command = _thidua("db_worker", "--worker-id", worker_id, "--interval", "0.5")
        command += ["--no-startup-delay", "--no-reload"]
        process = deployment.start(f"worker-{number}", command)
        with deployment.timed(f"worker {number} up"):
            _wait(f"worker {number}", partial(_worker_started, process), process)
        ids.append(worker_id)
    return ids


def _form_token(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=30, allow_redirects=False)
    if page.status_code != 200:
        raise ScaleoutError(f"GET {url}: HTTP {page.status_code}")
    return csrf_token(page.text)


def login(session: requests.Session, base: str, username: str, password: str) -> int:
    """Post the login form at `base`; returns the answer's status (302 when logged in)."""
    from django.urls import reverse

    url = base + reverse("login")
    answer = session.post(
        url,
        data={
            "csrfmiddlewaretoken": _form_token(session, url),
            "username": username,
            "password": password,
        },
        headers={"Referer": url},
        timeout=30,
        allow_redirects=False,
    )
    return answer.status_code


@dataclass
class Batch:
    pk: int
    sent_to: str  # the server that took the request
    seen_on: str  # the server the client followed it on
    sent_at: float
    seen_done_after: float = 0.0
    pages: int = 0
    worker: str = ""
    ran: tuple[Any, Any] = (None, None)  # started_at, finished_at as the worker wrote them


def start_batch(session: requests.Session, *, post_to: str, token_from: str, pk: int) -> int:
    """Press "In giấy khen" on the decision page; the token comes from the other server."""
    from django.urls import Resolver404, resolve, reverse

    page = token_from + reverse("web:decision_detail", args=[pk])
    answer = session.post(
        post_to + reverse("web:decision_certificates", args=[pk]),
        data={"csrfmiddlewaretoken": _form_token(session, page), "dinh_dang": "pdf"},
        headers={"Referer": page},
        timeout=60,
        allow_redirects=False,
    )
    location = answer.headers.get("Location", "")
    try:
        match = resolve(urlsplit(location).path)
    except Resolver404:
        match = None
    if answer.status_code != 302 or match is None or match.view_name != "web:batch_detail":
        raise ScaleoutError(
            f"starting the batch through {post_to}: HTTP {answer.status_code}, "
            f"Location {location!r}, not a batch's page"
        )
    return int(match.kwargs["pk"])


def follow_batch(session: requests.Session, batch: Batch, *, seconds: float) -> None:
    """Poll the progress fragment (as htmx does) until the download link shows."""
    from django.urls import reverse

    url = batch.seen_on + reverse("web:batch_detail", args=[batch.pk])
    link = reverse("web:batch_file", args=[batch.pk])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = session.get(url, headers={"HX-Request": "true"}, timeout=30)
        if page.status_code != 200:
            raise ScaleoutError(f"GET {url}: HTTP {page.status_code}")
        if f'href="{link}"' in page.text:
            batch.seen_done_after = time.perf_counter() - batch.sent_at
            return
        failed = re.search(r'<p class="error">(.*?)</p>', page.text, re.DOTALL)
        if failed:
            raise ScaleoutError(f"batch {batch.pk} failed: {failed.group(1).strip()}")
        time.sleep(0.5)
    raise ScaleoutError(f"batch {batch.pk} not done within {seconds:.0f} s (seen on {url})")


def download_pages(session: requests.Session, batch: Batch) -> int:
    from django.urls import reverse
    from pypdf import PdfReader

    url = batch.seen_on + reverse("web:batch_file", args=[batch.pk])
    answer = session.get(url, timeout=60)
    if answer.status_code != 200 or not answer.content.startswith(b"%PDF-"):
        raise ScaleoutError(f"GET {url}: HTTP {answer.status_code}, not a PDF")
    return len(PdfReader(io.BytesIO(answer.content)).pages)


def check_shared_throttle(a: str, b: str) -> None:
    """Wrong certificate codes counted through A stop the next one through B."""
    from django.core.cache import cache
    from django.urls import reverse

    from thidua.web.views.documents.certificates import MISSES_PER_WINDOW

    cache.delete("thidua:check-miss:127.0.0.1")  # what an earlier run left in Redis
    session = new_session()
    url = reverse("web:certificate_check", args=[WRONG_CODE])
    for _ in range(MISSES_PER_WINDOW):
        status = session.get(a + url, timeout=30).status_code
        if status != 404:
            raise ScaleoutError(f"a wrong code through A: HTTP {status}, expected 404")
    status = session.get(b + url, timeout=30).status_code
    if status != 429:
        raise ScaleoutError(
            f"after {MISSES_PER_WINDOW} wrong codes through A, B answered {status}, not 429: "
            "the servers do not share the cache (CACHE_URL)"
        )


def check_shared_lockout(a: str, b: str) -> None:
    """Failed logins counted through A lock the right password out on B."""
    from axes.conf import settings

    session = new_session()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(session, a, VIEWER, "not-the-password")
    status = login(new_session(), b, VIEWER, OFFICER[1])
    if status != settings.AXES_HTTP_RESPONSE_CODE:
        raise ScaleoutError(
            f"after {settings.AXES_FAILURE_LIMIT} failures through A, the right password "
            f"through B gave HTTP {status}, not the lockout"
        )


def read_workers(batches: list[Batch]) -> None:
    """Which worker ran each batch, from django-tasks-db's rows."""
    from django_tasks_db.models import DBTaskResult

    from thidua.documents.models import DocumentBatch
    from thidua.documents.tasks import batch_run

    for batch in batches:
        row = DBTaskResult.objects.get(
            task_path=batch_run.module_path, args_kwargs__args=[batch.pk]
        )
        if row.status != "SUCCESSFUL" or len(row.worker_ids) != 1:
            raise ScaleoutError(f"task of batch {batch.pk}: {row.status}, {row.worker_ids}")
        batch.worker = row.worker_ids[0]
        made = DocumentBatch.objects.get(pk=batch.pk)
        batch.ran = (made.started_at, made.finished_at)


def load_small(size: int) -> None:
    """Only what the run needs: a district federation's signed Giấy khen decision 52/QĐ-LĐLĐ
    with `size` lines and their certificates (bench/certificates.py), its officer thidua_hp
    and a viewer xem, both with the demo's password."""
    from bench.certificates import load
    from thidua.orgs import services
    from thidua.orgs.enums import Role

    decision = load(size)
    for username, role in ((OFFICER[0], Role.OFFICER), (VIEWER, Role.VIEWER)):
        user = services.user_create(
            actor=None,
            username=username,
            full_name=username,
            email=f"{username}@example.vn",
            password=OFFICER[1],
        )
        services.membership_add(actor=None, user=user, unit=decision.issuer, role=role)


def scaleout(deployment: Deployment, args: argparse.Namespace) -> None:
    from django.conf import settings

    if not shutil.which(settings.THIDUA_SOFFICE or "soffice"):
        raise Unavailable("LibreOffice (soffice) is not installed: make doc-deps")
    check_redis(args.cache_url)
    with deployment.timed("empty schema"):
        name = prepare_database(args.database_url)
    _run(deployment, "migrate", _thidua("migrate", "--noinput", "-v0"))
    if args.data == "demo":
        # The demo refuses to load in production (its logins share a published password).
        _run(deployment, "demo", _thidua("demo"), THIDUA_PRODUCTION="false")
    else:
        with deployment.timed("small data"):
            load_small(args.certificates)
    _run(deployment, "collectstatic", _thidua("collectstatic", "--noinput", "-v0"))

    from thidua.awards.models import Decision

    decision = Decision.objects.get(symbol=DECISION, year=2024)
    expected = decision.lines.filter(revoked_at__isnull=True).count()
    a, b = start_servers(deployment, args.ports)
    worker_ids = start_workers(deployment)
    redis_db = urlsplit(args.cache_url).path.lstrip("/") or "0"
    deployment.say(f"Database {name}, Redis db {redis_db}, files in {deployment.folder}")
    for process in deployment.processes:
        deployment.say(f"  {process.name:9} pid {process.popen.pid}")

    session = new_session()
    with deployment.timed("log in through A"):
        status = login(session, a, *OFFICER)
    if status != 302:
        raise ScaleoutError(f"logging in through A: HTTP {status}, expected 302")
    from django.urls import reverse

    home = session.get(b + reverse("web:dashboard"), timeout=30, allow_redirects=False)
    if home.status_code != 200:
        raise ScaleoutError(f"the session from A on B: HTTP {home.status_code}, expected 200")
    deployment.say(f"ok  logged in through A as {OFFICER[0]}; the session holds on B")

    batches = []
    for post_to, other in ((a, b), (b, a)):
        sent_at = time.perf_counter()
        pk = start_batch(session, post_to=post_to, token_from=other, pk=decision.pk)
        batches.append(Batch(pk, post_to, other, sent_at))
    deployment.say(
        f"ok  {DECISION}: batch {batches[0].pk} sent through A with B's CSRF token, "
        f"batch {batches[1].pk} through B with A's"
    )

    with deployment.timed("shared throttle check"):
        check_shared_throttle(a, b)
    deployment.say("ok  wrong certificate codes counted through A: B refuses the next (Redis)")
    with deployment.timed("shared lockout check"):
        check_shared_lockout(a, b)
    deployment.say(f"ok  failed logins of {VIEWER} through A: B locks it out (PostgreSQL)")

    for batch in batches:
        follow_batch(session, batch, seconds=args.timeout)
        batch.pages = download_pages(session, batch)
        if batch.pages != expected:
            raise ScaleoutError(f"batch {batch.pk}: {batch.pages} pages, expected {expected}")
    read_workers(batches)
    names = {server: label for label, server in (("A", a), ("B", b))}
    for batch in batches:
        started, finished = batch.ran
        deployment.say(
            f"ok  batch {batch.pk}: sent through {names[batch.sent_to]}, run by {batch.worker} "
            f"in {(finished - started).total_seconds():.1f} s, seen done through "
            f"{names[batch.seen_on]} {batch.seen_done_after:.1f} s after sending; its PDF from "
            f"{names[batch.seen_on]} has {batch.pages} pages ({expected} certificates)"
        )
    if {batch.worker for batch in batches} != set(worker_ids):
        raise ScaleoutError(f"one worker ran every batch: {[b.worker for b in batches]}")
    overlap = min(b.ran[1] for b in batches) - max(b.ran[0] for b in batches)
    deployment.say(
        f"ok  both workers took work; they ran side by side for "
        f"{max(0.0, overlap.total_seconds()):.1f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scaleout", description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--cache-url", default=DEFAULT_CACHE)
    parser.add_argument("--ports", default="8811,8812", help="the two app servers' ports")
    parser.add_argument(
        "--data",
        choices=["demo", "small"],
        default="demo",
        help="the whole demo (about 45 s to load) or only a decision and two logins",
    )
    parser.add_argument(
        "--certificates", type=int, default=50, help="lines of the decision with --data small"
    )
    parser.add_argument("--timeout", type=float, default=180, help="seconds a batch may take")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    args.ports = tuple(int(port) for port in args.ports.split(","))
    if len(args.ports) != 2:
        parser.error("--ports takes two ports, A,B")

    folder = Path(tempfile.mkdtemp(prefix="thidua-scaleout-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "THIDUA_PRODUCTION": "true",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),  # one key for every process
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_URL": args.cache_url,
        "TASK_BACKEND": "database",
        "THIDUA_VAR_DIR": str(folder),  # STATIC_ROOT is under it
        "MEDIA_ROOT": str(folder / "media"),  # the "shared disk" of all four processes
        "SITE_URL": f"http://127.0.0.1:{args.ports[0]}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",  # the workers' "Starting worker" line, as it is written
    }
    os.environ.update(env)  # this process reads the same database and cache
    import django

    django.setup()
    deployment = Deployment(folder, env)
    # Ctrl+C (even where a shell started this with SIGINT ignored) and SIGTERM (a CI
    # timeout, kill) both end in the `finally` below that stops every process.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    print("thidua scale-out: 2 app servers (gunicorn) + 2 workers (db_worker)", flush=True)
    code = 0
    try:
        scaleout(deployment, args)
    except Unavailable as error:
        print(f"NOT RUN: {error}", file=sys.stderr)
        code = 2
    except (ScaleoutError, requests.RequestException) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        for process in deployment.processes:
            print(f"  last lines of {process.name}:\n{process.tail()}", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    finally:
        # A second Ctrl+C must not cut the stopping short and leave processes behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        deployment.stop_all()
        from django.db import connections

        connections.close_all()
    steps = ", ".join(f"{label} {seconds:.1f} s" for label, seconds in deployment.timings)
    print(f"Timings: {steps}")
    verdict = "All checks passed" if code == 0 else "Stopped"
    print(f"{verdict} after {time.perf_counter() - started:.0f} s; every process it started ended.")
    if code in {1, 130} or args.keep:
        print(f"Logs and files kept in {folder}", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
