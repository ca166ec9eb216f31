import pytest

from commonplace.core.pagination import CappedPaginator
from commonplace.people.models import Person
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_capped_paginator_stops_counting_at_the_cap(monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    PersonFactory.create_batch(5)

    paginator = CappedPaginator(Person.objects.order_by("pk"), 2)

    assert paginator.count == 4
    assert paginator.is_capped
    assert len(paginator.get_page(1).object_list) == 2


def test_capped_paginator_counts_exactly_under_the_cap():
    PersonFactory.create_batch(3)
    paginator = CappedPaginator(Person.objects.order_by("pk"), 2)
    assert (paginator.count, paginator.is_capped) == (3, False)
