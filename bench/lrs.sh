#!/usr/bin/env bash
# `make bench-lrs`: the LRS benchmark (bench/lrs.py) on a fresh PostgreSQL database, dropped after.
# LRS_BENCH_SEED=100000 makes a quick run (default 1,000,000 statements stored).
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/with-postgres.sh .venv/bin/python bench/lrs.py
