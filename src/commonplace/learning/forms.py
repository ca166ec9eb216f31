from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm

from .enums import Audience, DurationBand, Language, Level, ResourceKind
from .models import Resource
from .selectors import topics_all


class CatalogueSearchForm(GovukForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    duration = forms.ChoiceField(label=_("Time it takes"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_ = ("", _("Any"))
        self.fields["topic"].choices = [any_, *((t.slug, t.label) for t in topics_all())]
        self.fields["level"].choices = [any_, *Level.choices]
        self.fields["kind"].choices = [any_, *ResourceKind.choices]
        self.fields["duration"].choices = [any_, *DurationBand.choices]
        self.fields["language"].choices = [any_, *Language.choices]


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
