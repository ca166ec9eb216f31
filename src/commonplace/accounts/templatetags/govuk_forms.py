"""Renders Django form widgets with GOV.UK Frontend classes, hints and error descriptions."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

CLASSES = {"select": "govuk-select", "textarea": "govuk-textarea"}


def widget_kind(field: BoundField) -> str:
    widget = field.field.widget
    input_type = getattr(widget, "input_type", None)
    if widget.__class__.__name__ == "Textarea":
        return "textarea"
    return input_type or "text"


@register.filter
def govuk_kind(field: BoundField) -> str:
    """`radio`, `checkbox`, `select`, `textarea` or the input type (`text`, `email`...)."""
    return widget_kind(field)


@register.filter
def govuk_anchor(field: BoundField) -> str:
    """The id the error summary links to (the first radio of a group)."""
    if widget_kind(field) == "radio":
        return f"{field.auto_id}_0"
    return str(field.auto_id)


@register.filter
def govuk_widget(field: BoundField) -> SafeString:
    """The field's own widget, with the GOV.UK class and its hint and error described."""
    kind = widget_kind(field)
    css = CLASSES.get(kind, "govuk-input")
    if field.errors:
        css += f" {css}--error"
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    # GOV.UK forms use labels and hints, not placeholders (allauth's are English only).
    attrs: dict[str, str | bool] = {"class": css, "placeholder": False}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
