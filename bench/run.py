"""`make bench`: the benchmarks that exist so far, on a fresh database of their own, written to
bench/results/latest.json and printed as a Markdown table.

Usage: python -m bench.run [--size N] [--compare previous.json]
The database is a temporary SQLite file unless BENCH_DATABASE_URL points at PostgreSQL (a
database it may drop and create)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--size", type=int, default=1000, help="certificates in the batch")
    parser.add_argument("--compare", type=Path, help="an earlier results JSON to compare with")
    args = parser.parse_args(argv)

    folder = tempfile.mkdtemp(prefix="thidua-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"
    )
    os.environ["THIDUA_VAR_DIR"] = folder
    os.environ["MEDIA_ROOT"] = f"{folder}/media"
    os.environ.setdefault("TASK_BACKEND", "immediate")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0, interactive=False)

    from bench import certificates

    results = [certificates.run(args.size)]
    RESULTS.mkdir(exist_ok=True)
    latest = RESULTS / "latest.json"
    latest.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    previous = {}
    if args.compare and args.compare.exists():
        previous = {r["name"]: r for r in json.loads(args.compare.read_text())}
    print(f"\nthidua bench ({connection.vendor})\n")
    print("| Measure | Result | Target | Previous |")
    print("|---|---|---|---|")
    for row in results:
        before = previous.get(row["name"], {}).get("seconds", "")
        print(
            f"| {row['name']} | {row['seconds']} s ({row['pages']} pages; data loaded in "
            f"{row['load_seconds']} s) | < {row['target_seconds']} s | {before} |"
        )
    print(f"\nWritten to {latest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
