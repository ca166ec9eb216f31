"""Forms of learning pathways: the list's filters, and the authors' pathway and step forms."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm
from commonplace.learning.enums import Audience, Language, Level
from commonplace.learning.selectors import topics_all

from .enums import StepKind
from .models import Pathway, Step


def _any(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("Any")), *choices]


def _topic_choices() -> list[tuple[str, Any]]:
    return _any((topic.slug, topic.label) for topic in topics_all())


class PathwayFilterForm(GovukForm):
    """The pathways list's filters (they work without JavaScript: a GET form)."""

    level = forms.ChoiceField(label=_("Level"), required=False, choices=_any(Level.choices))
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=_topic_choices)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=_any(Language.choices)
    )


class PathwayForm(GovukModelForm):
    """Adding or changing a pathway; the owner unit is one the author may add pathways in."""

    audiences = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Pathway
        fields = [
            "title",
            "summary",
            "description",
            "level",
            "estimated_hours",
            "language",
            "topics",
            "audiences",
            "owner_unit",
            "prerequisites",
            "meets_ulr_training",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "prerequisites": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "owner_unit": _("Owned by"),
            "prerequisites": _("Pathways to complete first"),
        }
        help_texts = {
            "description": _("Simple HTML: paragraphs, headings, lists and links."),
            "prerequisites": _("A learner can enrol only once these are complete."),
            "meets_ulr_training": _(
                "When someone completes it, it is added to their training record as ULR "
                "training, and meets the training condition of their ULR appointment."
            ),
        }

    def __init__(self, *args: Any, units: Any, pathways: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = units
        self.fields["topics"].queryset = topics_all()
        self.fields["topics"].label_from_instance = lambda topic: topic.label
        self.fields["prerequisites"].queryset = pathways
        self.fields["estimated_hours"].min_value = 1


class StepForm(GovukModelForm):
    """Adding or changing a step: what it is, and the steps to finish before it."""

    session_starts_at = forms.DateTimeField(
        label=_("When (live session)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("For a live session: the date and time it starts."),
    )

    class Meta:
        model = Step
        fields = [
            "title",
            "kind",
            "required",
            "resource",
            "quiz",
            "project",
            "session_starts_at",
            "session_place",
            "session_details",
            "prerequisites",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "prerequisites": forms.CheckboxSelectMultiple,
            "session_details": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "kind": _("What this step is"),
            "required": _("Learners must do this step to complete the pathway"),
            "resource": _("Which learning resource"),
            "quiz": _("Which quiz"),
            "project": _("Which assessed project"),
            "session_place": _("Where, or the link to join online (live session)"),
            "session_details": _("About the session (live session)"),
            "prerequisites": _("Steps to finish before this one"),
        }
        help_texts = {
            "resource": _("For a learning resource step."),
            "quiz": _("For a quiz step: learners complete it by passing the quiz."),
            "project": _(
                "For an assessed project step: learners complete it when an assessor marks "
                "their submission as passed. Only published briefs are offered."
            ),
        }

    def __init__(
        self, *args: Any, resources: Any, quizzes: Any, projects: Any, steps: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = StepKind.choices
        self.fields["resource"].queryset = resources
        self.fields["quiz"].queryset = quizzes
        self.fields["project"].queryset = projects
        self.fields["prerequisites"].queryset = steps
        self.fields["prerequisites"].label_from_instance = lambda step: (
            f"{step.position}. {step.title}"
        )
