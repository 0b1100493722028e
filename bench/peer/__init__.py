"""pretalx, measured side by side with thidua on the same review workload.

For each size: pretalx's review dashboard (its organiser's view of every submission's reviews
and scores, 250 a page, sorted by score) and thidua's council ranking page (raw and
bias-corrected scores, 100 a page), each loaded with N submissions, 5 score categories of
0-4 points, 3 reviews each from 20 reviewers; each served by gunicorn with 2 sync workers,
DEBUG off, one server at a time so they do not compete for the 2 cores; each timed through
real HTTP by a logged-in client with the same warm-up and repeats (bench/http.py).

pretalx runs on SQLite (its recipe's database); thidua on `database_url` (PostgreSQL) or on a
temporary SQLite file when none is given, its schema rebuilt each time.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import http
from bench.peer import pretalx

REPO = Path(__file__).resolve().parent.parent.parent
THIDUA_PASSWORD = "Bench-thidua-2025!"  # noqa: S105 (a local benchmark account)


def thidua_environment(database_url: str, folder: str, *, port: int) -> dict[str, str]:
    """thidua as production runs it (see docs/deployment.md), on the loopback address."""
    return {
        "THIDUA_PRODUCTION": "true",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "THIDUA_VAR_DIR": folder,
        "MEDIA_ROOT": f"{folder}/media",
        "TASK_BACKEND": "immediate",
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
    }


def load_thidua(n: int, env: dict[str, str]) -> dict[str, Any]:
    """A fresh schema with the workload, in a process of its own (its own settings)."""
    done = subprocess.run(  # noqa: S603 (our interpreter, our module)
        [sys.executable, "-m", "bench.review_workload", str(n), "--password", THIDUA_PASSWORD],
        env={**os.environ, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"loading thidua failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    line = next(row for row in done.stdout.splitlines() if row.startswith("WORKLOAD "))
    report: dict[str, Any] = json.loads(line.removeprefix("WORKLOAD "))
    return report


def compare(
    sizes: tuple[int, ...] = (1000, 10000),
    *,
    repeats: int = 20,
    warmup: int = 2,
    port_thidua: int = 8820,
    port_peer: int = 8830,
    database_url: str | None = None,
) -> list[dict[str, Any]]:
    """One row per size: both pages' timings, the ratios (pretalx / thidua), load times,
    servers' peak memory, and pretalx's install and preparation time (0 once cached)."""
    started = time.perf_counter()
    install_seconds = pretalx.install()
    prepare_seconds = pretalx.prepare(port=port_peer)
    rows = []
    for n in sizes:
        label = f"{n:,} submissions"
        database, peer_load = pretalx.load(n, port=port_peer)
        with pretalx.server(database, port=port_peer) as server:
            session = pretalx.login(server.url)
            peer = http.time_get(
                session,
                server.url + pretalx.DASHBOARD,
                label=f"pretalx review dashboard, {label}",
                warmup=warmup,
                repeats=repeats,
            )
            peer_rss = server.peak_rss_mb()
        with tempfile.TemporaryDirectory(prefix="thidua-peer-") as folder:
            url = database_url or f"sqlite:///{folder}/thidua.sqlite3"
            env = thidua_environment(url, folder, port=port_thidua)
            ours_load = load_thidua(n, env)
            with http.Server(
                "thidua.wsgi", port=port_thidua, env=env, workers=2, cwd=str(REPO)
            ) as server:
                session = http.login(
                    server.url,
                    ours_load["username"],
                    THIDUA_PASSWORD,
                    login_path="/tai-khoan/dang-nhap/",
                )
                ours = http.time_get(
                    session,
                    server.url + ours_load["url"],
                    label=f"thidua council ranking, {label}",
                    warmup=warmup,
                    repeats=repeats,
                )
                ours_rss = server.peak_rss_mb()
        rows.append(
            {
                "name": f"Council ranking vs pretalx review dashboard, {label}",
                "size": n,
                "thidua": ours.as_dict(),
                "pretalx": peer.as_dict(),
                "ratio_p95": round(peer.p95_ms / ours.p95_ms, 1),
                "ratio_median": round(peer.median_ms / ours.median_ms, 1),
                "thidua_database": url.split(":", 1)[0],
                "thidua_load_seconds": ours_load["seconds"],
                "thidua_migrate_seconds": ours_load["migrate_seconds"],
                "pretalx_load_seconds": peer_load["seconds"],
                "thidua_peak_rss_mb": ours_rss,
                "pretalx_peak_rss_mb": peer_rss,
                "pretalx_install_seconds": install_seconds,
                "pretalx_prepare_seconds": prepare_seconds,
            }
        )
    for row in rows:
        row["compare_seconds"] = round(time.perf_counter() - started, 1)
    return rows
