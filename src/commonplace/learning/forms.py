from typing import Any

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm

from .enums import (
    AUTHORED_KIND_CHOICES,
    TILE_EDITABLE_FIELDS,
    Audience,
    DurationBand,
    Language,
    Level,
    ResourceKind,
)
from .models import Proposal, Resource
from .selectors import topics_all
from .validation import content_problems, video_embed_hosts


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


FILE_FIELDS = ("file", "video", "captions")
CONTENT_FORM_FIELDS = [
    "title", "kind", "summary", "body", "url", "file", "video", "captions", "transcript",
    "duration_minutes", "level", "topics", "audiences", "language",
]  # fmt: skip
CONTENT_WIDGETS = {
    "topics": forms.CheckboxSelectMultiple,
    "summary": forms.Textarea(attrs={"rows": 3}),
    "transcript": forms.Textarea(attrs={"rows": 6}),
    "file": forms.FileInput,
    "video": forms.FileInput(attrs={"accept": ".mp4,.m4v,.webm,video/mp4,video/webm"}),
    "captions": forms.FileInput(attrs={"accept": ".vtt,text/vtt"}),
}
CONTENT_HELP = {
    "body": _("For a page. Simple HTML: paragraphs, headings, lists and links."),
    "file": _("For a file: a PDF, DOCX or ODT document of up to 20 MB."),
    "video": _("For a video you upload: an MP4 or WebM file of up to 200 MB."),
    "captions": _("For an uploaded video: a WebVTT captions file (.vtt) of up to 1 MB."),
    "transcript": _(
        "For a video: everything said and shown, as text. Needed for an embedded video, and "
        "for an uploaded one without captions."
    ),
}


class ResourceContentForm(GovukModelForm):
    """The fields of a resource's content, checked per kind with `validation.content_problems`
    (the rules the services enforce too). Staff's resources and members' proposals use it."""

    audiences = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    # Quizzes and project briefs join the catalogue from their own pages (decision 0250): their
    # kinds are not offered, and a posted one is refused as an invalid choice. Declared here,
    # not narrowed in __init__, because the GOV.UK mixin cleans a bound form while building it.
    kind = forms.ChoiceField(label=_("Kind"), choices=[*BLANK_CHOICE_DASH, *AUTHORED_KIND_CHOICES])

    url = forms.URLField(
        label=_("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "For a link: the page it opens. For an embedded video: the player's address on "
            "%(hosts)s."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._clear: set[str] = set()  # the GOV.UK mixin cleans a bound form while building it
        super().__init__(*args, **kwargs)
        self.fields["url"].help_text = self.fields["url"].help_text % {
            "hosts": ", ".join(video_embed_hosts())
        }
        self.fields["topics"].queryset = topics_all()
        self.fields["topics"].label_from_instance = lambda topic: topic.label

    def _current(self, name: str) -> Any:
        """The value the content will have: what was posted, else (files) what it holds."""
        value = self.cleaned_data.get(name)
        if name in FILE_FIELDS and not value and name not in self._clear:
            return getattr(self.instance, name, None) or None
        return value

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        kind = cleaned.get("kind")
        if not kind:
            return cleaned
        if kind == ResourceKind.VIDEO and cleaned.get("url") and not cleaned.get("video"):
            self._clear = {"video", "captions"}  # an embed replaces an uploaded video
        if kind != ResourceKind.VIDEO:
            self._clear = {"video", "captions"}
        problems = content_problems(
            kind=kind,
            body=cleaned.get("body") or "",
            url=cleaned.get("url") or "",
            file=self._current("file"),
            video=self._current("video"),
            captions=self._current("captions"),
            transcript=cleaned.get("transcript") or "",
        )
        for name, message in problems.items():
            if message and name in self.fields and not self.has_error(name):
                self.add_error(name, message)
        return cleaned

    def content_fields(self) -> dict[str, Any]:
        """The content to write: files only when one was uploaded (or is to be cleared)."""
        fields = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in {"topics", "owner_unit"}
        }
        for name in FILE_FIELDS:
            if name in self._clear and getattr(self.instance, name, None):
                fields[name] = ""
            elif not self.files.get(name):
                fields.pop(name, None)
        return fields


class ResourceForm(ResourceContentForm):
    """Adding or changing a resource; the owner unit is one the author may add resources in."""

    class Meta:
        model = Resource
        fields = [*CONTENT_FORM_FIELDS, "owner_unit"]
        widgets = CONTENT_WIDGETS
        labels = {"owner_unit": _("Owned by")}
        help_texts = CONTENT_HELP

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = units


class TileForm(GovukModelForm):
    """The catalogue metadata of a quiz's or project brief's tile, the part staff change here
    (decision 0250); its title, summary, address and status follow the quiz or brief."""

    audiences = forms.MultipleChoiceField(
        label=_("Who it is for"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Resource
        fields = ["duration_minutes", "level", "topics", "audiences", "language"]
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics_all()
        self.fields["topics"].label_from_instance = lambda topic: topic.label

    def metadata_fields(self) -> dict[str, Any]:
        """The catalogue metadata to write (topics are passed apart)."""
        return {name: self.cleaned_data[name] for name in TILE_EDITABLE_FIELDS}


class ProposalForm(ResourceContentForm):
    """A member's proposed resource: the same fields and checks as staff use, without the
    owner (the reviewer's place owns it once approved)."""

    class Meta:
        model = Proposal
        fields = CONTENT_FORM_FIELDS
        widgets = CONTENT_WIDGETS
        help_texts = CONTENT_HELP


class ReviewForm(GovukForm):
    """A reviewer's decision on a proposal; returning it needs comments (checked on save)."""

    comments = forms.CharField(
        label=_("Comments for the person who proposed it"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed when you return it: say what to change. Optional when you approve."),
    )
