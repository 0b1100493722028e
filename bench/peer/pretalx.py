"""pretalx, the peer: installed from PyPI into a virtual environment of its own under
var/bench/pretalx/ (git-ignored), configured with DEBUG off on SQLite, migrated once into a
template database, and loaded per size by `in_pretalx/pretalx_gen.py` (run with pretalx's Python).

The install, the template and the static files are kept between runs; a size's database is
made afresh from the template each time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench import http

VERSION = "2025.2.2"
HERE = Path(__file__).resolve().parent
# Scripts that import pretalx, run with pretalx's Python (a folder of their own on its path, so
# that nothing here shadows a module of pretalx's).
INSIDE = HERE / "in_pretalx"
ROOT = HERE.parent.parent / "var" / "bench" / "pretalx"
VENV = ROOT / "venv"
PYTHON = VENV / "bin" / "python"
DATA = ROOT / "data"
TEMPLATE = DATA / f"template-{VERSION}.sqlite3"
STATIC = ROOT / "static.dist"
STATIC_DONE = STATIC / f".collected-{VERSION}"
ADMIN = "orga@example.org"
PASSWORD = "BenchPass-2025!"  # noqa: S105 (the local benchmark account pretalx_gen.py makes)
DASHBOARD = "/orga/event/bench/reviews/"


def _run(args: list[str], *, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(  # noqa: S603 (our own interpreter and fixed arguments)
        args,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stdout


def installed_version() -> str | None:
    if not PYTHON.exists():
        return None
    try:
        return _run([str(PYTHON), "-c", "import pretalx; print(pretalx.__version__)"]).strip()
    except RuntimeError:
        return None


def install() -> float:
    """pretalx, gunicorn and requests in pretalx's own venv; seconds taken (0 when cached)."""
    if installed_version() == VERSION:
        return 0.0
    start = time.perf_counter()
    ROOT.mkdir(parents=True, exist_ok=True)
    _run([sys.executable, "-m", "venv", "--clear", str(VENV)])
    _run([str(PYTHON), "-m", "pip", "install", "-q", f"pretalx=={VERSION}", "gunicorn", "requests"])
    if installed_version() != VERSION:
        raise RuntimeError(f"pretalx {VERSION} did not install into {VENV}")
    return round(time.perf_counter() - start, 1)


def environment(database: Path, *, port: int) -> dict[str, str]:
    """What pretalx's commands and server need: its config (written here for `port`), our
    mail-less settings module, and the database file."""
    DATA.mkdir(parents=True, exist_ok=True)
    config = ROOT / "pretalx.cfg"
    config.write_text(
        "\n".join(
            [
                "[filesystem]",
                f"data = {DATA}",
                f"static = {STATIC}",
                f"logs = {DATA / 'logs'}",
                "",
                "[site]",
                "debug = False",
                f"url = http://127.0.0.1:{port}",
                "https = False",
                "",
                "[database]",
                "backend = sqlite3",
                f"name = {database}",
                "",
                "[mail]",
                "from = admin@localhost",
                "host = 127.0.0.1",
                "port = 25",
                "",
                "[locale]",
                "language_code = en",
                "time_zone = Asia/Ho_Chi_Minh",
                "",
            ]
        )
    )
    return {
        "PRETALX_CONFIG_FILE": str(config),
        "PRETALX_DB_NAME": str(database),
        "PYTHONPATH": str(INSIDE),
        "DJANGO_SETTINGS_MODULE": "pretalx_settings",
        "PRETALX_NO_INITIAL_LOG": "1",
    }


def prepare(*, port: int) -> float:
    """The migrated template database and the static files (compilemessages and
    collectstatic; no npm, so only the schedule editor, which no measure opens, lacks its
    assets); seconds taken (0 when cached)."""
    start = time.perf_counter()
    if not TEMPLATE.exists():
        scratch = DATA / "template.partial.sqlite3"
        scratch.unlink(missing_ok=True)
        _run(
            [str(PYTHON), "-m", "pretalx", "migrate", "--noinput"],
            env=environment(scratch, port=port),
        )
        scratch.rename(TEMPLATE)
    if not STATIC_DONE.exists():
        env = environment(TEMPLATE, port=port)
        _run([str(PYTHON), "-m", "pretalx", "compilemessages"], env=env)
        _run([str(PYTHON), "-m", "pretalx", "collectstatic", "--noinput"], env=env)
        STATIC_DONE.touch()
    return round(time.perf_counter() - start, 1)


def load(n: int, *, port: int) -> tuple[Path, dict[str, object]]:
    """A fresh copy of the template with the workload of `n` submissions; the database and
    what pretalx_gen.py reported (phase seconds, row counts)."""
    database = DATA / f"bench-{n}.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(TEMPLATE, database)
    output = _run(
        [str(PYTHON), str(INSIDE / "pretalx_gen.py"), str(n)], env=environment(database, port=port)
    )
    line = next(row for row in output.splitlines() if row.startswith("TIMINGS "))
    report: dict[str, object] = json.loads(line.removeprefix("TIMINGS "))
    return database, report


def server(database: Path, *, port: int) -> http.Server:
    return http.Server(
        "pretalx.wsgi",
        port=port,
        env=environment(database, port=port),
        workers=2,
        python=str(PYTHON),
        cwd=str(ROOT),
    )


def login(base_url: str) -> requests.Session:
    return http.login(
        base_url,
        ADMIN,
        PASSWORD,
        login_path="/orga/login/",
        username_field="login_email",
        password_field="login_password",  # noqa: S106 (the form field's name)
    )
