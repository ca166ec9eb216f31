"""The pure scoring functions: a section's range, its score, the band at the edge of each
band, and the soundness of a section's bands."""

import pytest

from commonplace.skills.scoring import (
    BandRange,
    ScoredQuestion,
    band_for,
    bands_problems,
    section_range,
    section_score,
)

QUESTIONS = [
    ScoredQuestion(pk=1, scores={10: 0, 11: 1, 12: 2}),
    ScoredQuestion(pk=2, scores={20: 0, 21: 1, 22: 2}),
    ScoredQuestion(pk=3, scores={1: 1, 2: 2, 3: 3, 4: 4, 5: 5}),  # a 1-5 scale
]
BANDS = [
    BandRange(pk=1, min_score=1, max_score=3, name="Entry 1"),
    BandRange(pk=2, min_score=4, max_score=6, name="Entry 2"),
    BandRange(pk=3, min_score=7, max_score=9, name="Level 1"),
]


def test_section_range_sums_each_questions_lowest_and_highest_score():
    assert section_range(QUESTIONS) == (1, 9)


def test_section_score_adds_the_chosen_options_and_ignores_unknown_answers():
    assert section_score(QUESTIONS, {1: 12, 2: 21, 3: 4}) == 7
    assert section_score(QUESTIONS, {1: 999, 3: 1}) == 1


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1, "Entry 1"),
        (3, "Entry 1"),
        (4, "Entry 2"),
        (6, "Entry 2"),
        (7, "Level 1"),
        (9, "Level 1"),
    ],
)
def test_band_for_includes_both_edges_of_each_band(score, band):
    assert band_for(score, BANDS).name == band


def test_band_for_outside_every_band_is_none():
    assert band_for(0, BANDS) is None
    assert band_for(10, BANDS) is None


def test_sound_bands_have_no_problems():
    assert bands_problems(BANDS, 1, 9) == []


def test_overlapping_bands_are_named():
    bands = [BandRange(1, 1, 4, "A"), BandRange(2, 4, 9, "B")]
    assert bands_problems(bands, 1, 9) == ["Bands “A” and “B” overlap."]


def test_a_gap_between_bands_is_named():
    bands = [BandRange(1, 1, 3, "A"), BandRange(2, 6, 9, "B")]
    assert bands_problems(bands, 1, 9) == ["No band covers scores 4 to 5."]


def test_bands_must_cover_the_whole_range():
    problems = bands_problems([BandRange(1, 2, 8, "A")], 1, 9)
    assert problems == ["The bands must run from 1 to 9, the scores this section can give."]


def test_no_bands_is_a_problem():
    assert bands_problems([], 0, 4) == ["It has no result bands."]
