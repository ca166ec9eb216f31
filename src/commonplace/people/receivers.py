"""People follow their workplace when staff move it to another branch."""

from typing import Any

from django.dispatch import receiver

from commonplace.organisation.signals import unit_moved

from .services import people_branch_follow_workplaces


@receiver(unit_moved)
def people_follow_moved_unit(sender: Any, unit: Any, **kwargs: Any) -> None:
    people_branch_follow_workplaces(moved=unit)
