"""Scale-out on one machine (bench/scaleout.py): two gunicorn app servers and two
`thidua db_worker` processes on one PostgreSQL and one Redis; work sent through one server
is seen through the other, and sessions, CSRF tokens, throttles and lockouts hold across them.

The end-to-end test runs in the PostgreSQL pass, in a database of its own on the same server
(thidua_scaleout_test), never the test database in use; it asks for no `django_db` access, so
pytest-django wraps nothing in a transaction the processes could not see. Without PostgreSQL,
Redis or LibreOffice it says which is missing and skips. The rules of CACHE_URL run everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from django.core.exceptions import ImproperlyConfigured

from bench.scaleout import ScaleoutError, prepare_database
from thidua.settings import cache_config

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"


def test_without_cache_url_each_process_keeps_its_own_cache():
    assert cache_config("") == {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }


def test_a_redis_cache_url_gives_every_app_server_the_same_cache():
    assert cache_config("redis://cache.internal:6379/1") == {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://cache.internal:6379/1",
            "KEY_PREFIX": "thidua",
        }
    }


def test_a_cache_url_of_another_kind_is_refused():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_config("memcached://127.0.0.1:11211")


def test_the_script_refuses_to_empty_a_database_not_named_for_it():
    with pytest.raises(ScaleoutError, match="lacks 'scaleout'"):
        prepare_database("postgres://postgres@127.0.0.1:5432/thidua")


def _scaleout_database() -> str:
    """The scale-out's own database on the server DATABASE_URL names, or a skip."""
    parts = urlsplit(os.environ.get("DATABASE_URL", ""))
    if parts.scheme not in {"postgres", "postgresql"}:
        pytest.skip("the scale-out needs PostgreSQL: DATABASE_URL does not point at one")
    try:
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except redis.RedisError:
        pytest.skip("the scale-out needs Redis answering on 127.0.0.1:6379")
    if not shutil.which(os.environ.get("THIDUA_SOFFICE") or "soffice"):
        pytest.skip("the scale-out prints PDFs: LibreOffice is not installed (make doc-deps)")
    return urlunsplit(parts._replace(path="/thidua_scaleout_test"))


def test_two_app_servers_and_two_workers_serve_one_deployment():
    database = _scaleout_database()

    result = subprocess.run(
        [
            *(sys.executable, "-m", "bench.scaleout", "--data", "small", "--certificates", "30"),
            *("--database-url", database, "--cache-url", REDIS, "--ports", "8815,8816"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "ok  logged in through A as thidua_hp; the session holds on B" in report
    assert "ok  wrong certificate codes counted through A: B refuses the next (Redis)" in report
    assert "ok  failed logins of xem through A: B locks it out (PostgreSQL)" in report
    assert "PDF from B has 30 pages" in report and "PDF from A has 30 pages" in report
    assert "ok  both workers took work" in report
