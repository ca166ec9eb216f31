"""The result page links a band's suggested pathways (`pathway_refs`) that the reader may see;
a draft, another union's pathway or an unknown slug is left out."""

import pytest

from commonplace.skills.models import Band
from commonplace.skills.selectors import result_outcomes
from commonplace.skills.services import result_record
from tests.factories.pathways import PathwayFactory

from .conftest import answers_for, build_check

pytestmark = pytest.mark.django_db


def _result(union, learner, refs):
    check, parts, options, _resource = build_check(owner_unit=union)
    Band.objects.filter(section=parts["reading"], name="Getting started").update(pathway_refs=refs)
    return result_record(
        actor=learner,
        check=check,
        person=learner.person,
        answers=answers_for(options, parts["scale"], reading_scores=(0, 0)),
    )


def test_the_result_page_links_visible_pathways(client, union, learner):
    PathwayFactory(owner_unit=union, slug="reading-for-work", title="Reading for work")
    PathwayFactory(owner_unit=union, slug="draft-path", title="Draft path", draft=True)
    PathwayFactory(slug="far-away", title="Another union's pathway")
    result = _result(union, learner, ["reading-for-work", "draft-path", "far-away", "nothing"])
    client.force_login(learner)

    shown = client.get(f"/skills/results/{result.pk}/").content.decode()

    assert "Suggested pathways" in shown
    assert 'href="/pathways/reading-for-work/"' in shown
    assert "Draft path" not in shown
    assert "Another union" not in shown


def test_outcomes_keep_the_bands_order_and_cost_a_fixed_number_of_queries(
    union, learner, django_assert_max_num_queries
):
    PathwayFactory(owner_unit=union, slug="b-second", title="Second")
    PathwayFactory(owner_unit=union, slug="a-first", title="First")
    result = _result(union, learner, ["b-second", "a-first"])
    with django_assert_max_num_queries(6):
        outcomes = result_outcomes(result=result, user=learner)
    reading = next(o for o in outcomes if o.section.title == "Reading")
    assert [p.slug for p in reading.pathways] == ["b-second", "a-first"]
    confidence = next(o for o in outcomes if o.section.title == "Confidence")
    assert confidence.pathways == []


def test_no_pathways_no_heading(client, union, learner):
    result = _result(union, learner, [])
    client.force_login(learner)
    assert "Suggested pathways" not in client.get(f"/skills/results/{result.pk}/").content.decode()
