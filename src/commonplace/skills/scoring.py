"""Pure functions of skills checks: a section's possible range, its score, its band, and
whether its bands are sound. Plain data in, plain data out: no database, so they are tested
at the edge of every band.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ScoredQuestion:
    pk: int
    scores: Mapping[int, int]  # answer value (option id, or the scale number) → score


@dataclass(frozen=True)
class BandRange:
    pk: int
    min_score: int
    max_score: int
    name: str = ""


def section_range(questions: Sequence[ScoredQuestion]) -> tuple[int, int]:
    """The lowest and highest score a section can give: the sums of each question's extremes."""
    low = sum(min(q.scores.values()) for q in questions if q.scores)
    high = sum(max(q.scores.values()) for q in questions if q.scores)
    return low, high


def section_score(questions: Sequence[ScoredQuestion], answers: Mapping[int, int]) -> int:
    """The sum of the scores of the answers given; an answer not among the options counts 0."""
    return sum(q.scores.get(answers.get(q.pk, -1), 0) for q in questions)


def band_for(score: int, bands: Sequence[BandRange]) -> BandRange | None:
    """The band whose range holds `score` (ranges include both ends), or None."""
    return next((b for b in bands if b.min_score <= score <= b.max_score), None)


def bands_problems(bands: Sequence[BandRange], low: int, high: int) -> list[str]:
    """What is wrong with a section's bands for scores from `low` to `high`, in plain words.

    Sound bands do not overlap, leave no gap, and cover exactly the possible range.
    """
    if not bands:
        return [_("It has no result bands.")]
    ordered = sorted(bands, key=lambda b: (b.min_score, b.max_score))
    problems = [
        _("Band “%(name)s” starts above where it ends.") % {"name": band.name}
        for band in ordered
        if band.min_score > band.max_score
    ]
    for before, after in itertools.pairwise(ordered):
        if after.min_score <= before.max_score:
            problems.append(
                _("Bands “%(a)s” and “%(b)s” overlap.") % {"a": before.name, "b": after.name}
            )
        elif after.min_score > before.max_score + 1:
            problems.append(
                _("No band covers scores %(start)s to %(end)s.")
                % {"start": before.max_score + 1, "end": after.min_score - 1}
            )
    if ordered[0].min_score != low or max(b.max_score for b in ordered) != high:
        problems.append(
            _("The bands must run from %(low)s to %(high)s, the scores this section can give.")
            % {"low": low, "high": high}
        )
    return problems
