"""Pagination for lists that may hold a million rows: counting stops at a cap, or is skipped."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet


class CappedPaginator(Paginator):
    """Counts at most `cap` rows (one bounded query), so a national list is not counted in full.

    `is_capped` says whether there are more; templates then say "more than N".
    """

    cap = 10_000

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return int(self.object_list[: self.cap + 1].count())  # type: ignore[index]

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap


@dataclass(frozen=True)
class UncountedPage:
    """A page of a list that is never counted, for lists whose count costs as much as reading
    them (a grouped aggregate over a person's whole history): the page is read with one row
    more, which says whether there is a next page. It has the parts of Django's `Page` that
    `core/components/pagination.html` uses; `paginator` is None, so no "of N" is shown."""

    object_list: list[Any]
    number: int
    has_more: bool
    paginator: None = None

    def has_next(self) -> bool:
        return self.has_more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def uncounted_page(queryset: QuerySet[Any], number: Any, per_page: int) -> UncountedPage:
    """Page `number` (1 when it is not a positive whole number) of `queryset`, in one query."""
    try:
        page = max(int(number), 1)
    except (TypeError, ValueError):
        page = 1
    start = (page - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return UncountedPage(object_list=rows[:per_page], number=page, has_more=len(rows) > per_page)
