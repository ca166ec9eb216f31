"""Forms of the skills pages: authoring checks and surveys, and reading posted answers.

Answers to a check or a survey are read straight from the post (`*_from_post`); the services
check every one of them, so a crafted post is refused the same way as a careless one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import validate_slug
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm

from .enums import CheckQuestionKind, SurveyQuestionKind

if TYPE_CHECKING:
    from .models import Section, SurveyQuestion


class _Form(GovukForm):
    """Points `aria-describedby` at the ids the field template really renders, which differ
    from the GOV.UK mixin's guess when a page holds several forms with their own prefixes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if "aria-describedby" not in field.widget.attrs:
                continue
            auto_id = self[name].auto_id
            field.widget.attrs["aria-describedby"] = " ".join(
                f"{auto_id}-{part.rsplit('-', 1)[-1]}"
                for part in field.widget.attrs["aria-describedby"].split()
            )


class _ScopedChoicesForm(_Form):
    """Gives fields their querysets or choices before the GOV.UK mixin validates the bound form
    (it does so while the form is built), so a value outside the user's scope is refused."""

    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        self._scoped_choices = choices
        super().__init__(*args, **kwargs)
        self._scoped_apply()

    def _scoped_apply(self) -> None:
        for name, values in self._scoped_choices.items():
            field: Any = self.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = values
            else:
                field.choices = values

    def full_clean(self) -> None:
        self._scoped_apply()
        super().full_clean()


class CheckForm(_ScopedChoicesForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.CharField(
        label=_("Short name for its web address"),
        max_length=100,
        validators=[validate_slug],
        help_text=_("Letters, numbers and hyphens, for example everyday-skills."),
    )
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    owner_unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Owned by"), queryset=None, empty_label=None
    )


class SectionForm(_Form):
    title = forms.CharField(label=_("Section title"), max_length=200)
    description = forms.CharField(
        label=_("What it is about (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def options_parse(text: str) -> list[tuple[str, int]]:
    """`Often | 3` lines → [("Often", 3)]; raises ValidationError naming the bad line."""
    options = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label, bar, score = line.rpartition("|")
        if not bar or not label.strip() or not score.strip().isdigit():
            raise forms.ValidationError(
                _('Line %(number)s should be an option, a bar and a score, like "Often | 3".'),
                params={"number": number},
            )
        options.append((label.strip()[:300], min(int(score.strip()), 100)))
    return options


def section_choices(sections: list[Section]) -> list[tuple[int, str]]:
    return [(s.pk, s.title) for s in sections]


class _SectionChoiceForm(_ScopedChoicesForm):
    section = forms.TypedChoiceField(label=_("Section"), coerce=int, choices=())


class CheckQuestionForm(_SectionChoiceForm):
    text = forms.CharField(label=_("Question"), max_length=500)
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=CheckQuestionKind.choices,
        widget=forms.RadioSelect,
        initial=CheckQuestionKind.SINGLE,
    )
    options = forms.CharField(
        label=_("Options and their scores"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_('For single choice: one option a line, a bar, then its score: "Often | 3".'),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == CheckQuestionKind.SINGLE:
            try:
                data["parsed"] = options_parse(data.get("options", ""))
            except forms.ValidationError as error:
                self.add_error("options", error)
                return data
            if len(data["parsed"]) < 2:
                self.add_error("options", _("Give at least two options."))
        else:
            data["parsed"] = []
        return data


class BandForm(_SectionChoiceForm):
    min_score = forms.IntegerField(label=_("Lowest score"), min_value=0, max_value=10_000)
    max_score = forms.IntegerField(label=_("Highest score"), min_value=0, max_value=10_000)
    name = forms.CharField(
        label=_("Band name"), max_length=100, help_text=_('Like "Entry level 2".')
    )
    explanation = forms.CharField(
        label=_("What it means, in plain and encouraging words"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    resources: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Suggested learning resources"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pathway_refs = forms.CharField(
        label=_("Suggested pathways (optional)"),
        required=False,
        max_length=500,
        help_text=_("The short names of learning pathways, separated by commas."),
    )

    def _scoped_apply(self) -> None:
        super()._scoped_apply()
        self.fields["resources"].label_from_instance = lambda r: r.title  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("min_score"), data.get("max_score")
        if low is not None and high is not None and low > high:
            self.add_error("max_score", _("The highest score must not be below the lowest."))
        data["refs"] = [r.strip() for r in data.get("pathway_refs", "").split(",") if r.strip()]
        return data


class LearnerSearchForm(_Form):
    q = forms.CharField(label=_("Learner's name or membership number"), max_length=100)


class ConsentForm(_Form):
    share = forms.BooleanField(
        label=_("The learner agrees that their ULR and branch learning team can see this result"),
        required=False,
    )


class SurveyForm(_ScopedChoicesForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction shown to people answering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    workplace: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Workplace"), queryset=None, empty_label=None
    )
    template: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Start from a template (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No template: my own questions"),
    )
    is_template = forms.BooleanField(
        label=_("Make it a template that reps can start their own surveys from"),
        required=False,
    )

    def __init__(self, *args: Any, may_template: bool = False, **kwargs: Any) -> None:
        # Only staff write templates: for anyone else the field is left out before the form
        # is built (and validated), so a posted value is ignored.
        if not may_template:
            self.base_fields = {k: v for k, v in self.base_fields.items() if k != "is_template"}
        super().__init__(*args, **kwargs)


class SurveyQuestionForm(_Form):
    text = forms.CharField(label=_("Question"), max_length=500)
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=SurveyQuestionKind.choices,
        widget=forms.RadioSelect,
        initial=SurveyQuestionKind.SINGLE,
    )
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For single and multiple choice: one option a line."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lines = [line.strip()[:200] for line in data.get("options", "").splitlines()]
        data["lines"] = [line for line in lines if line]
        if data.get("kind") != SurveyQuestionKind.TEXT and len(data["lines"]) < 2:
            self.add_error("options", _("Give at least two options, one a line."))
        return data


def check_answers_from_post(sections: list[Section], data: QueryDict) -> dict[int, str]:
    """question id → the value posted (an option id or a scale number), as text."""
    return {
        question.pk: data.get(f"q{question.pk}", "")
        for section in sections
        for question in section.questions.all()
    }


def survey_answers_from_post(questions: list[SurveyQuestion], data: QueryDict) -> dict[int, Any]:
    answers: dict[int, Any] = {}
    for question in questions:
        name = f"q{question.pk}"
        if question.kind == SurveyQuestionKind.MULTIPLE:
            answers[question.pk] = data.getlist(name)
        else:
            answers[question.pk] = data.get(name, "")
    return answers
