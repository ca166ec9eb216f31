"""Pagination for lists that may hold a million rows: counting stops at a cap."""

from functools import cached_property

from django.core.paginator import Paginator


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
