"""Checking and marking answers: pure functions over a question and its choices.

A response arrives as form data would give it (strings, lists of strings, dicts of strings)
and is cleaned into its stored JSON shape, one per kind:

| kind | stored response |
| --- | --- |
| single choice | a choice id |
| multiple choice | the sorted list of chosen ids |
| true or false | `true` or `false` |
| short text | the text as typed |
| matching | `{"<prompt choice id>": <id of the choice whose match_text was picked>}` |
| ordering | `{"<choice id>": <position from 1>}` |

Marking is all or nothing: one mark for a question answered exactly right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from .enums import QuestionKind

if TYPE_CHECKING:
    from .models import Choice, Question

_SPACES = re.compile(r"\s+")


class ResponseInvalid(ValueError):  # noqa: N818 - a signal carrying a learner-facing message
    """The response does not fit the question; the message is for the learner."""


def text_normalise(text: str) -> str:
    """Short answers compare ignoring case and spaces ("Two factor" = " two  FACTOR ")."""
    return _SPACES.sub(" ", text).strip().casefold()


def _choice_id(value: Any, ids: set[int]) -> int:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ResponseInvalid(_("Choose one of the answers given."))
    try:
        number = int(value)
    except ValueError:
        raise ResponseInvalid(_("Choose one of the answers given.")) from None
    if number not in ids:
        raise ResponseInvalid(_("Choose one of the answers given."))
    return number


def _mapping(value: Any, keys: set[int]) -> dict[int, Any]:
    if not isinstance(value, dict) or {str(k) for k in keys} != set(value):
        raise ResponseInvalid(_("Give an answer for every item."))
    if any(v in (None, "") for v in value.values()):
        raise ResponseInvalid(_("Give an answer for every item."))
    return {int(k): v for k, v in value.items()}


def response_clean(question: Question, choices: Sequence[Choice], value: Any) -> Any:  # noqa: C901 - one branch per kind
    """The stored form of `value` as an answer to `question`.

    Raises: ResponseInvalid when it is missing, names a choice the question does not have, or
    has the wrong shape for the kind of question.
    """
    ids = {choice.pk for choice in choices}
    kind = question.kind
    if value in (None, "", [], {}):
        raise ResponseInvalid(_("Answer this question."))
    if kind == QuestionKind.SINGLE:
        return _choice_id(value, ids)
    if kind == QuestionKind.MULTIPLE:
        if not isinstance(value, list):
            raise ResponseInvalid(_("Choose one or more of the answers given."))
        chosen = sorted({_choice_id(item, ids) for item in value})
        return chosen
    if kind == QuestionKind.TRUE_FALSE:
        if value in (True, "true"):
            return True
        if value in (False, "false"):
            return False
        raise ResponseInvalid(_("Choose true or false."))
    if kind == QuestionKind.SHORT_TEXT:
        if not isinstance(value, str) or not value.strip():
            raise ResponseInvalid(_("Answer this question."))
        if len(value) > 500:
            raise ResponseInvalid(_("Your answer must be 500 characters or fewer."))
        return value.strip()
    if kind == QuestionKind.MATCHING:
        pairs = _mapping(value, ids)
        return {str(k): _choice_id(v, ids) for k, v in sorted(pairs.items())}
    if kind == QuestionKind.ORDERING:
        places = _mapping(value, ids)
        cleaned: dict[str, int] = {}
        for key, place in sorted(places.items()):
            if isinstance(place, bool) or not isinstance(place, (str, int)):
                raise ResponseInvalid(_("Give each item a different place."))
            try:
                cleaned[str(key)] = int(place)
            except ValueError:
                raise ResponseInvalid(_("Give each item a different place.")) from None
        if sorted(cleaned.values()) != list(range(1, len(ids) + 1)):
            raise ResponseInvalid(_("Give each item a different place."))
        return cleaned
    raise ResponseInvalid(_("This question cannot be answered."))


def response_correct(question: Question, choices: Sequence[Choice], response: Any) -> bool:
    """Whether a cleaned `response` is exactly right (all or nothing)."""
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        return any(c.pk == response and c.is_correct for c in choices)
    if kind == QuestionKind.MULTIPLE:
        return sorted(c.pk for c in choices if c.is_correct) == sorted(response)
    if kind == QuestionKind.TRUE_FALSE:
        return question.answer_true is response
    if kind == QuestionKind.SHORT_TEXT:
        accepted = {text_normalise(str(a)) for a in question.accepted_answers}
        return text_normalise(response) in accepted
    if kind == QuestionKind.MATCHING:
        texts = {c.pk: text_normalise(c.match_text) for c in choices}
        return all(texts[int(k)] == texts[v] for k, v in response.items())
    if kind == QuestionKind.ORDERING:
        return all(c.position == response[str(c.pk)] for c in choices)
    return False


def _xapi_id(pk: int) -> str:
    return f"c{pk}"


def response_xapi(question: Question, choices: Sequence[Choice], response: Any) -> str:
    """The response in the xAPI format of the question's interactionType."""
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        return _xapi_id(response)
    if kind == QuestionKind.MULTIPLE:
        return "[,]".join(_xapi_id(pk) for pk in response)
    if kind == QuestionKind.TRUE_FALSE:
        return "true" if response else "false"
    if kind == QuestionKind.SHORT_TEXT:
        return str(response)
    if kind == QuestionKind.MATCHING:
        return "[,]".join(f"{_xapi_id(int(k))}[.]{_xapi_id(v)}" for k, v in response.items())
    if kind == QuestionKind.ORDERING:
        in_order = sorted(response.items(), key=lambda item: item[1])
        return "[,]".join(_xapi_id(int(k)) for k, _place in in_order)
    return ""


def correct_pattern(question: Question, choices: Sequence[Choice]) -> list[str]:
    """The xAPI correctResponsesPattern of the question."""
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return ["[,]".join(_xapi_id(c.pk) for c in choices if c.is_correct)]
    if kind == QuestionKind.TRUE_FALSE:
        return ["true" if question.answer_true else "false"]
    if kind == QuestionKind.SHORT_TEXT:
        return [str(a) for a in question.accepted_answers]
    if kind == QuestionKind.MATCHING:
        return ["[,]".join(f"{_xapi_id(c.pk)}[.]{_xapi_id(c.pk)}" for c in choices)]
    if kind == QuestionKind.ORDERING:
        in_order = sorted(choices, key=lambda c: c.position or 0)
        return ["[,]".join(_xapi_id(c.pk) for c in in_order)]
    return []


# --- Quiz authoring (branch `catalogue`): what makes a question answerable -------------------
# The authoring form and the services both check a question with `question_problems`, so a
# quiz is never published with a question nobody could answer correctly.

MAX_ACCEPTED_ANSWER = 500


@dataclass(frozen=True)
class ChoiceSpec:
    """One row an author wrote: an option, a matching pair, or an item (ordering: rows come in
    the right order). `pk` is the existing choice it changes, if any."""

    text: str
    is_correct: bool = False
    match_text: str = ""
    feedback: str = ""
    pk: int | None = None


def question_problems(  # noqa: C901 - one rule per kind, read in one place
    *,
    kind: str,
    text: str,
    answer_true: bool | None = None,
    accepted_answers: Sequence[str] = (),
    choices: Sequence[ChoiceSpec] = (),
) -> list[tuple[str | None, str]]:
    """What stops a question from being answered correctly: (field or None, message) pairs.

    Fields named: `text`, `answer_true`, `accepted_answers`, `choices`.
    """
    problems: list[tuple[str | None, str]] = []
    if not text.strip():
        problems.append(("text", _("Write the question.")))
    rows = [c for c in choices if c.text.strip()]
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        right = sum(1 for c in rows if c.is_correct)
        if len(rows) < 2:
            problems.append(("choices", _("Give at least two answers to choose from.")))
        if kind == QuestionKind.SINGLE and right != 1:
            problems.append(("choices", _("Mark exactly one answer as right.")))
        if kind == QuestionKind.MULTIPLE and right < 1:
            problems.append(("choices", _("Mark at least one answer as right.")))
    elif kind == QuestionKind.TRUE_FALSE:
        if answer_true is None:
            problems.append(("answer_true", _("Say whether the statement is true or false.")))
    elif kind == QuestionKind.SHORT_TEXT:
        answers = [a for a in accepted_answers if a.strip()]
        if not answers:
            problems.append(("accepted_answers", _("Give at least one answer to accept.")))
        if any(len(a) > MAX_ACCEPTED_ANSWER for a in answers):
            problems.append(
                ("accepted_answers", _("Each accepted answer must be 500 characters or fewer."))
            )
    elif kind == QuestionKind.MATCHING:
        if len(rows) < 2:
            problems.append(("choices", _("Give at least two pairs to match.")))
        if any(not c.match_text.strip() for c in rows):
            problems.append(("choices", _("Give every item the answer it matches.")))
        matches = [text_normalise(c.match_text) for c in rows]
        if len(set(matches)) != len(matches):
            problems.append(("choices", _("Each item must match a different answer.")))
    elif kind == QuestionKind.ORDERING:
        if len(rows) < 2:
            problems.append(("choices", _("Give at least two items to put in order.")))
    else:
        problems.append((None, _("Choose a kind of question.")))
    return problems
