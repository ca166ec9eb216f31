"""Reading a quiz page's answers out of the posted form. No validation here: the service
checks every answer against its question, so a crafted post is refused the same way.
Project forms (submitting work, marking it) validate here and again in the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm

from .enums import (
    FEEDBACK_MAX_CHARS,
    PROJECT_FILES_MAX,
    PROJECT_TEXT_MAX_CHARS,
    MarkingOutcome,
    QuestionKind,
)
from .marking import ChoiceSpec, question_problems
from .models import Quiz
from .services import submission_files_check

if TYPE_CHECKING:
    from .models import Criterion, ProjectBrief, Question


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


# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------

MAX_CHOICE_ROWS = 8


class QuizSettingsForm(GovukModelForm):
    """A quiz's settings; `units` (when given) are where the author may add it."""

    pass_mark = forms.IntegerField(
        label=_("Pass mark (per cent)"),
        min_value=0,
        max_value=100,
        initial=70,
        help_text=_("The share of questions a person must get right to pass, from 0 to 100."),
    )
    attempts_limit = forms.IntegerField(
        label=_("Attempts allowed"),
        min_value=0,
        max_value=100,
        initial=0,
        help_text=_("0 means as many as they like."),
    )

    class Meta:
        model = Quiz
        fields = ["title", "introduction", "pass_mark", "attempts_limit", "shuffle_questions"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}
        labels = {"shuffle_questions": _("Ask the questions in a different order each time")}

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        if units is not None:
            # Before the GOV.UK mixin runs: it validates a bound form while it is built.
            self.base_fields = {  # type: ignore[misc] # this form's own copy, not the class's
                **self.base_fields,
                "owner_unit": forms.ModelChoiceField(
                    label=_("Owned by"), queryset=units, empty_label=None
                ),
            }
        super().__init__(*args, **kwargs)


class QuestionForm(GovukForm):
    """One question of a given kind, with up to `MAX_CHOICE_ROWS` rows of answers (options,
    matching pairs or items in the right order) and feedback per answer. Checked with
    `marking.question_problems`, the rule the services apply too. Build it with
    `question_form_for(kind)`, which adds the fields of the kind."""

    kind: str = ""

    text = forms.CharField(
        label=_("Question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    explanation = forms.CharField(
        label=_("Explanation shown after answering"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, question: Question | None = None, **kwargs: Any) -> None:
        if question is not None and not kwargs.get("data") and not args:
            kwargs["initial"] = _question_initial(question)
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if self.has_error("text"):
            return cleaned
        problems = question_problems(
            kind=self.kind,
            text=cleaned.get("text") or "",
            answer_true=self.answer_true(),
            accepted_answers=self.accepted_answers(),
            choices=self.choice_specs(),
        )
        for field, message in problems:
            if field == "choices":
                field = "choice_1_text"
            self.add_error(field if field in self.fields else None, message)
        return cleaned

    def accepted_answers(self) -> list[str]:
        raw = (getattr(self, "cleaned_data", {}) or {}).get("accepted_answers") or ""
        return [line.strip() for line in str(raw).splitlines() if line.strip()]

    def choice_specs(self) -> list[ChoiceSpec]:
        data = getattr(self, "cleaned_data", {}) or {}
        specs = []
        for i in range(1, MAX_CHOICE_ROWS + 1):
            text = (data.get(f"choice_{i}_text") or "").strip()
            if not text:
                continue
            specs.append(
                ChoiceSpec(
                    text=text,
                    is_correct=bool(data.get(f"choice_{i}_correct")),
                    match_text=data.get(f"choice_{i}_match") or "",
                    feedback=data.get(f"choice_{i}_feedback") or "",
                    pk=data.get(f"choice_{i}_id") or None,
                )
            )
        return specs

    def answer_true(self) -> bool | None:
        if "answer_true" not in self.fields:
            return None
        value = self.cleaned_data.get("answer_true")
        return value if isinstance(value, bool) else None


def _choice_fields(kind: str) -> dict[str, forms.Field]:
    text_label: Any
    match_label: Any
    if kind == QuestionKind.MATCHING:
        text_label, match_label = _("Item %(n)s"), _("What item %(n)s matches")
    elif kind == QuestionKind.ORDERING:
        text_label, match_label = _("Item %(n)s in the right order"), ""
    else:
        text_label, match_label = _("Answer %(n)s"), ""
    fields: dict[str, forms.Field] = {}
    for i in range(1, MAX_CHOICE_ROWS + 1):
        fields[f"choice_{i}_id"] = forms.IntegerField(required=False, widget=forms.HiddenInput)
        fields[f"choice_{i}_text"] = forms.CharField(
            label=text_label % {"n": i}, required=False, max_length=500
        )
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            fields[f"choice_{i}_correct"] = forms.BooleanField(
                label=_("Answer %(n)s is right") % {"n": i}, required=False
            )
            feedback_label = _("Feedback for someone who chooses answer %(n)s")
        else:
            feedback_label = _("Feedback on item %(n)s")
        if kind == QuestionKind.MATCHING:
            fields[f"choice_{i}_match"] = forms.CharField(
                label=match_label % {"n": i}, required=False, max_length=500
            )
        fields[f"choice_{i}_feedback"] = forms.CharField(
            label=feedback_label % {"n": i}, required=False, max_length=500
        )
    return fields


def question_form_for(kind: str) -> type[QuestionForm]:
    """The question form of `kind`, with the fields that kind needs."""
    fields: dict[str, Any] = {"kind": kind}
    if kind == QuestionKind.TRUE_FALSE:
        fields["answer_true"] = forms.TypedChoiceField(
            label=_("The statement is"),
            choices=[("true", _("True")), ("false", _("False"))],
            coerce=lambda value: value == "true",
            widget=forms.RadioSelect,
            required=False,
        )
    elif kind == QuestionKind.SHORT_TEXT:
        fields["accepted_answers"] = forms.CharField(
            label=_("Answers to accept"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("One a line. Capitals and extra spaces are ignored when marking."),
        )
    else:
        fields.update(_choice_fields(kind))
    return type(f"QuestionForm_{kind}", (QuestionForm,), fields)


def _question_initial(question: Question) -> dict[str, Any]:
    initial: dict[str, Any] = {"text": question.text, "explanation": question.explanation}
    if question.kind == QuestionKind.TRUE_FALSE and question.answer_true is not None:
        initial["answer_true"] = "true" if question.answer_true else "false"
    if question.kind == QuestionKind.SHORT_TEXT:
        initial["accepted_answers"] = "\n".join(str(a) for a in question.accepted_answers)
    choices = list(question.choices.all())
    if question.kind == QuestionKind.ORDERING:
        choices.sort(key=lambda c: c.position or 0)
    for i, choice in enumerate(choices[:MAX_CHOICE_ROWS], start=1):
        initial[f"choice_{i}_id"] = choice.pk
        initial[f"choice_{i}_text"] = choice.text
        initial[f"choice_{i}_correct"] = choice.is_correct
        initial[f"choice_{i}_match"] = choice.match_text
        initial[f"choice_{i}_feedback"] = choice.feedback
    return initial


# --- Assessed projects -------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by `SubmissionForm.clean_attachments`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class SubmissionForm(GovukForm):
    text = forms.CharField(
        label=gettext_lazy("Your work"),
        help_text=gettext_lazy(
            "Write your answer to the brief here, or say what your files show. Your text is "
            "kept if something needs fixing."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=PROJECT_TEXT_MAX_CHARS,
    )
    attachments = MultipleFileField(
        label=gettext_lazy("Files (optional)"),
        required=False,
    )

    def __init__(self, *args: Any, brief: ProjectBrief, **kwargs: Any) -> None:
        self.brief = brief
        super().__init__(*args, **kwargs)
        kinds = ", ".join(kind.lstrip(".").upper() for kind in brief.accepted_file_types)
        self.fields["attachments"].help_text = gettext_lazy(
            "Up to %(count)s files of these kinds: %(kinds)s; 10 MB or smaller each."
        ) % {"count": PROJECT_FILES_MAX, "kinds": kinds}
        self.fields["attachments"].widget.attrs["accept"] = ",".join(brief.accepted_file_types)
        self.fields["attachments"].widget.attrs["aria-describedby"] = "id_attachments-hint" + (
            " id_attachments-error" if self.is_bound and "attachments" in self.errors else ""
        )

    def clean_attachments(self) -> list[Any]:
        files: list[Any] = self.cleaned_data.get("attachments") or []
        errors = submission_files_check(brief=self.brief, files=files)
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("text") or "").strip() and not data.get("attachments"):
            raise forms.ValidationError(
                gettext_lazy("Write about your work or attach at least one file.")
            )
        return data


class MarkingForm(GovukForm):
    """Points and a comment per criterion of the rubric, overall feedback and the outcome."""

    feedback = forms.CharField(
        label=gettext_lazy("Feedback for the learner"),
        help_text=gettext_lazy("What went well, and what to do next. The learner reads this."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=FEEDBACK_MAX_CHARS,
    )
    outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"),
        choices=MarkingOutcome.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        self.criteria = criteria
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"points_{criterion.pk}"] = forms.IntegerField(
                label=gettext_lazy("Points for “%(title)s” (0 to %(top)s)")
                % {"title": criterion.title, "top": criterion.max_points},
                min_value=0,
                max_value=criterion.max_points,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=gettext_lazy("Comment on “%(title)s” (optional)")
                % {"title": criterion.title},
                required=False,
                max_length=FEEDBACK_MAX_CHARS,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The GOV.UK mixin validated and styled the form before the rubric's fields existed:
        # validate again with them, and style them the same way.
        self._errors = None  # type: ignore[assignment]
        for name, field in self.fields.items():
            if not name.startswith(("points_", "comment_")):
                continue
            css = "govuk-textarea" if name.startswith("comment_") else "govuk-input"
            has_error = self.is_bound and name in self.errors
            classes = [css, f"{css}--error" if has_error else ""]
            if css == "govuk-input":
                classes.append("govuk-input--width-3")
            field.widget.attrs["class"] = " ".join(c for c in classes if c)
            if has_error:
                field.widget.attrs["aria-describedby"] = f"id_{name}-error"

    def rows(self) -> list[dict[str, Any]]:
        """Each criterion with its two bound fields, for the marking page."""
        return [
            {
                "criterion": criterion,
                "points": self[f"points_{criterion.pk}"],
                "comment": self[f"comment_{criterion.pk}"],
            }
            for criterion in self.criteria
        ]

    def scores(self) -> dict[int, tuple[str, str]]:
        """criterion id → (points as typed, comment), for `submission_mark`."""
        return {
            criterion.pk: (
                str(self.data.get(f"points_{criterion.pk}", "")),
                str(self.data.get(f"comment_{criterion.pk}", "")),
            )
            for criterion in self.criteria
        }
