"""`{% save_toggle resource %}`: the "Save for later" / "Saved" button of a catalogue resource
(a POST form that works without JavaScript; htmx swaps it in place)."""

from typing import Any

from django import template

from ..selectors import resource_is_saved

register = template.Library()


@register.inclusion_tag("learning_space/_save_toggle.html", takes_context=True)
def save_toggle(context: dict[str, Any], resource: Any) -> dict[str, Any]:
    request = context["request"]
    return {
        "resource": resource,
        "saved": resource_is_saved(user=request.user, resource_id=resource.pk),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
