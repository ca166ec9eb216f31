"""A referral to a pathway links to the pathway's page when its reference is the slug of a
pathway the reader may see; the referral form offers the visible published pathways."""

import pytest
from django.urls import reverse

from commonplace.caseload.models import Referral
from commonplace.caseload.selectors import referrals_with_links
from tests.factories.caseload import CaseloadEntryFactory, ReferralFactory
from tests.factories.pathways import PathwayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(b):
    return CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)


def _story(entry):
    return reverse("caseload:entry-detail", args=[entry.pk])


def test_the_form_offers_published_pathways_and_stores_slug_and_title(client, b, entry):
    union = b.branch.union
    PathwayFactory(owner_unit=union, title="Digital skills for work", slug="digital-skills")
    PathwayFactory(owner_unit=union, title="A draft pathway", slug="draft-one", draft=True)
    PathwayFactory(title="Another union's pathway", slug="elsewhere")
    client.force_login(b.ulr)
    form_page = client.get(reverse("caseload:referral-add", args=[entry.pk])).text
    assert "Digital skills for work" in form_page
    assert "A draft pathway" not in form_page
    assert "Another union" not in form_page

    response = client.post(
        reverse("caseload:referral-add", args=[entry.pk]),
        {"kind": "pathway", "pathway": "digital-skills", "label": "", "reference": ""},
    )

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.kind, referral.reference, referral.label) == (
        "pathway",
        "digital-skills",
        "Digital skills for work",
    )
    story = client.get(_story(entry)).text
    assert 'href="/pathways/digital-skills/"' in story


def test_a_pathway_referral_links_only_to_what_the_reader_may_see(b, entry):
    union = b.branch.union
    PathwayFactory(owner_unit=union, slug="organising-1")
    PathwayFactory(owner_unit=union, slug="draft-one", draft=True)
    PathwayFactory(slug="elsewhere")  # another union's
    seen = ReferralFactory(entry=entry, kind="pathway", reference="organising-1", label="O1")
    draft = ReferralFactory(entry=entry, kind="pathway", reference="draft-one", label="Draft")
    other = ReferralFactory(entry=entry, kind="pathway", reference="elsewhere", label="Far")
    free = ReferralFactory(entry=entry, kind="pathway", reference="see leaflet", label="Text")
    provider = ReferralFactory(entry=entry, kind="provider", reference="organising-1", label="P")

    links = {r.pk: r.link for r in referrals_with_links(user=b.ulr, entry=entry)}

    assert links[seen.pk] == "/pathways/organising-1/"
    assert links[draft.pk] is None
    assert links[other.pk] is None
    assert links[free.pk] is None
    assert links[provider.pk] is None  # only pathway referrals link to pathways


def test_the_learner_sees_the_link_in_their_own_record(client, b, entry):
    PathwayFactory(owner_unit=b.branch.union, slug="organising-1", title="Organising 1")
    ReferralFactory(entry=entry, kind="pathway", reference="organising-1", label="Organising 1")
    client.force_login(b.learner.account)
    assert 'href="/pathways/organising-1/"' in client.get(reverse("caseload:my-record")).text


def test_a_ulr_of_another_branch_still_gets_404_for_the_story(client, b, entry):
    PathwayFactory(owner_unit=b.branch.union, slug="organising-1")
    ReferralFactory(entry=entry, kind="pathway", reference="organising-1", label="Organising 1")
    client.force_login(b.other_ulr)
    assert client.get(_story(entry)).status_code == 404
