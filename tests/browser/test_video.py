"""Video resource pages on a phone: an uploaded video with captions and a transcript, and an
embedded one with its transcript. `browse` checks axe (captions, frame titles) and the width."""

import pytest
from playwright.sync_api import expect

from commonplace.access.enums import Role
from commonplace.learning.enums import ResourceKind
from tests.factories.access import RoleGrantFactory
from tests.factories.learning import ResourceFactory
from tests.factories.organisation import UnionFactory, WorkplaceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_learner_watches_an_uploaded_and_an_embedded_video(browse, sign_in):
    union = UnionFactory(name="Union A")
    uploaded = ResourceFactory(
        owner_unit=union,
        kind=ResourceKind.VIDEO,
        title="Your first branch meeting",
        body="",
        with_media=True,
        transcript="Welcome to your first branch meeting. Here is what happens.",
    )
    embedded = ResourceFactory(
        owner_unit=union,
        kind=ResourceKind.VIDEO,
        title="Organising in five minutes",
        body="",
        url="https://www.youtube-nocookie.com/embed/abc123",
        transcript="Organising starts with a conversation.",
    )
    learner = RoleGrantFactory(
        role=Role.LEARNER, unit=WorkplaceFactory(parent__parent__parent=union)
    ).user
    sign_in(learner)

    page = browse.open(f"/learning/{uploaded.slug}/")
    expect(page.locator("video track[kind=captions]")).to_have_count(1)
    expect(page.get_by_role("heading", name="Transcript")).to_be_visible()

    page = browse.open(f"/learning/{embedded.slug}/")
    expect(page.locator("iframe[title='Video: Organising in five minutes']")).to_have_count(1)
    expect(page.get_by_text("Organising starts with a conversation.")).to_be_visible()
