"""Counts permission cases so the run can say how many it checked (see tests/conftest.py)."""

from collections import Counter

CASES: Counter[str] = Counter()


def add(name: str, *, granted: bool) -> None:
    CASES[f"{name} {'granted' if granted else 'refused'}"] += 1
