from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm

from .enums import Audience, DurationBand, Language, Level, ResourceKind
from .models import Resource
from .selectors import topics_all


def _any(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("Any")), *choices]


def _topic_choices() -> list[tuple[str, Any]]:
    return _any((topic.slug, topic.label) for topic in topics_all())


class CatalogueSearchForm(GovukForm):
    """The catalogue's filters. Choices are given to the fields themselves (the topics as a
    callable), because the GOV.UK mixin validates a bound form while it is being built."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=_topic_choices)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_any(Level.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_any(ResourceKind.choices))
    duration = forms.ChoiceField(
        label=_("Time it takes"), required=False, choices=_any(DurationBand.choices)
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=_any(Language.choices)
    )


class ResourceForm(GovukModelForm):
    """Adding or changing a resource; the owner unit is one the author may add resources in."""

    audiences = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    url = forms.URLField(
        label=_("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For a link or a video: the page it opens."),
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "kind",
            "summary",
            "body",
            "url",
            "file",
            "duration_minutes",
            "level",
            "topics",
            "audiences",
            "language",
            "owner_unit",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "file": forms.FileInput,
        }
        labels = {"owner_unit": _("Owned by")}
        help_texts = {
            "body": _("For a page. Simple HTML: paragraphs, headings, lists and links."),
            "file": _("For a file: a PDF, DOCX or ODT document of up to 20 MB."),
        }

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = units
        self.fields["topics"].queryset = topics_all()
        self.fields["topics"].label_from_instance = lambda topic: topic.label
