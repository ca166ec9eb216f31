"""Reading a quiz page's answers out of the posted form. No validation here: the service
checks every answer against its question, so a crafted post is refused the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import QueryDict

from .enums import QuestionKind

if TYPE_CHECKING:
    from .models import Question


def field_name(question: Question, choice_pk: int | None = None) -> str:
    return f"q{question.pk}" if choice_pk is None else f"q{question.pk}-{choice_pk}"


def responses_from_post(questions: list[Question], data: QueryDict) -> dict[int, Any]:
    """question id → the response as posted, in the shape `marking.response_clean` expects."""
    responses: dict[int, Any] = {}
    for question in questions:
        name = field_name(question)
        if question.kind == QuestionKind.MULTIPLE:
            responses[question.pk] = data.getlist(name)
        elif question.kind in (QuestionKind.MATCHING, QuestionKind.ORDERING):
            responses[question.pk] = {
                str(choice.pk): data.get(field_name(question, choice.pk), "")
                for choice in question.choices.all()
            }
        else:
            responses[question.pk] = data.get(name, "")
    return responses


def _options(name: str, pairs: list[tuple[str, str]], chosen: Any) -> list[dict[str, Any]]:
    picked = {str(v) for v in chosen} if isinstance(chosen, list) else {str(chosen)}
    return [
        {"id": f"{name}-{i}", "value": value, "label": label, "checked": value in picked}
        for i, (value, label) in enumerate(pairs, start=1)
    ]


def questions_for_page(
    questions: list[Question], responses: dict[int, Any], errors: dict[int, str]
) -> list[dict[str, Any]]:
    """What the quiz page shows of each question, with the learner's answers put back."""
    from django.utils.translation import gettext as _

    items = []
    for number, question in enumerate(questions, start=1):
        name = field_name(question)
        choices = list(question.choices.all())
        entered = responses.get(question.pk)
        item: dict[str, Any] = {
            "number": number,
            "question": question,
            "name": name,
            "error": errors.get(question.pk, ""),
            "value": entered if isinstance(entered, str) else "",
        }
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            pairs = [(str(c.pk), c.text) for c in choices]
            item["options"] = _options(name, pairs, entered if entered is not None else "")
        elif question.kind == QuestionKind.TRUE_FALSE:
            pairs = [("true", _("True")), ("false", _("False"))]
            item["options"] = _options(name, pairs, entered if entered is not None else "")
        elif question.kind in (QuestionKind.MATCHING, QuestionKind.ORDERING):
            given = entered if isinstance(entered, dict) else {}
            if question.kind == QuestionKind.MATCHING:
                pairs = sorted(((str(c.pk), c.match_text) for c in choices), key=lambda p: p[1])
            else:
                pairs = [(str(n), str(n)) for n in range(1, len(choices) + 1)]
            item["rows"] = [
                {
                    "choice": choice,
                    "name": field_name(question, choice.pk),
                    "options": [
                        {"value": v, "label": label, "selected": given.get(str(choice.pk)) == v}
                        for v, label in pairs
                    ],
                }
                for choice in choices
            ]
        items.append(item)
    return items
