import pytest

from commonplace.core.pagination import CappedPaginator, uncounted_page
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


def test_uncounted_page_reads_one_row_more_to_know_of_a_next_page(django_assert_num_queries):
    PersonFactory.create_batch(5)
    people = Person.objects.order_by("pk")

    with django_assert_num_queries(1):
        first = uncounted_page(people, "1", 2)
    last = uncounted_page(people, 3, 2)

    assert [p.pk for p in first.object_list] == [p.pk for p in people[:2]]
    assert (first.has_next(), first.has_previous(), first.next_page_number()) == (True, False, 2)
    assert [p.pk for p in last.object_list] == [people[4].pk]
    assert (last.has_next(), last.has_previous(), last.previous_page_number()) == (False, True, 2)
    assert first.paginator is None


@pytest.mark.parametrize("number", [None, "", "two", "-3", "0"])
def test_uncounted_page_reads_the_first_page_for_a_number_that_is_not_one(number):
    PersonFactory.create_batch(2)
    page = uncounted_page(Person.objects.order_by("pk"), number, 1)
    assert page.number == 1
    assert page.has_other_pages()
