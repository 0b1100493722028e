"""python -m bench.peer [--sizes 1000,10000] [--repeats 20] [--database-url URL]: the
side-by-side comparison alone, printed as JSON (BENCH_DATABASE_URL is the default URL)."""

from __future__ import annotations

import argparse
import json
import os

from bench.peer import compare

parser = argparse.ArgumentParser(prog="bench.peer")
parser.add_argument("--sizes", default="1000,10000")
parser.add_argument("--repeats", type=int, default=20)
parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
args = parser.parse_args()
result = compare(
    tuple(int(size) for size in args.sizes.split(",")),
    repeats=args.repeats,
    database_url=args.database_url,
)
print(json.dumps(result, ensure_ascii=False, indent=2))
