"""Community contributions with review: members propose, reviewers in scope approve or return,
proposers change and resubmit. Refusals are tested with proposals that could leak."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from commonplace.access.enums import Role
from commonplace.audit.models import AuditEvent
from commonplace.learning.enums import Level, ProposalStatus, ResourceKind, ResourceStatus
from commonplace.learning.errors import (
    ProposalClosedError,
    ProposalNotAllowedError,
    ProposalNotWaitingError,
    ProposalOwnReviewError,
    ResourceIncompleteError,
    ReviewCommentsRequiredError,
)
from commonplace.learning.models import Proposal, Resource
from commonplace.learning.selectors import (
    proposals_of,
    proposals_to_review,
    resource_contributor,
)
from commonplace.learning.services import (
    proposal_approve,
    proposal_return,
    proposal_submit,
    proposal_update,
)
from commonplace.notifications.models import Notification
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.learning import PDF_BYTES, ProposalFactory, TopicFactory
from tests.factories.organisation import RegionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db

PAGE = {
    "kind": ResourceKind.PAGE,
    "title": "Asking for a reasonable adjustment",
    "summary": "How I asked for a screen reader at work, step by step.",
    "body": "<p>Write it down.</p><script>alert(1)</script>",
    "duration_minutes": 10,
    "level": Level.ENTRY,
    "language": "en",
}


@pytest.fixture
def workplace(region):
    return WorkplaceFactory(parent__parent=region)


@pytest.fixture
def member(workplace):
    user = RoleGrantFactory(role=Role.LEARNER, unit=workplace).user
    PersonFactory(account=user, home_unit=workplace)
    return user


@pytest.fixture
def reviewer(region):
    return RoleGrantFactory(role=Role.REVIEWER, unit=region).user


@pytest.fixture
def other_reviewer(union):
    """A reviewer in another region of the same union: out of scope."""
    return RoleGrantFactory(role=Role.REVIEWER, unit=RegionFactory(parent=union)).user


@pytest.fixture
def proposal(member, workplace):
    return ProposalFactory(proposer=member, unit=workplace, title="Fire safety in the kitchen")


def _form(**extra):
    data = {
        "title": "Asking for a reasonable adjustment",
        "kind": "page",
        "summary": "How I asked for a screen reader at work.",
        "body": "<p>Write it down.</p>",
        "duration_minutes": "10",
        "level": "entry",
        "audiences": ["members"],
        "language": "en",
    }
    return {**data, **extra}


# --- services ---------------------------------------------------------------------------------


def test_proposal_submit_places_it_at_the_proposers_home_and_sanitises(member, workplace):
    topic = TopicFactory(slug="equality")

    proposal = proposal_submit(actor=member, fields=PAGE, topics=[topic])

    assert (proposal.unit, proposal.status, proposal.proposer) == (
        workplace,
        ProposalStatus.SUBMITTED,
        member,
    )
    assert "<script>" not in proposal.body
    assert "Write it down." in proposal.body
    assert list(proposal.topics.all()) == [topic]
    submitted = AuditEvent.objects.filter(action="learning.proposal.submitted", actor=member)
    assert submitted.count() == 1


def test_proposal_submit_refuses_incomplete_content_and_saves_nothing(member):
    with pytest.raises(ResourceIncompleteError):
        proposal_submit(actor=member, fields={**PAGE, "body": ""})
    assert not Proposal.objects.exists()


def test_proposal_submit_refuses_someone_with_no_place(db):
    with pytest.raises(ProposalNotAllowedError):
        proposal_submit(actor=UserFactory(), fields=PAGE)


def test_return_needs_comments_and_is_audited(reviewer, proposal):
    with pytest.raises(ReviewCommentsRequiredError):
        proposal_return(actor=reviewer, proposal=proposal, comments="  ")

    proposal_return(actor=reviewer, proposal=proposal, comments="Add the date of the change.")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.review_comments, proposal.reviewer) == (
        ProposalStatus.RETURNED,
        "Add the date of the change.",
        reviewer,
    )
    assert AuditEvent.objects.filter(action="learning.proposal.returned", actor=reviewer).exists()
    with pytest.raises(ProposalNotWaitingError):
        proposal_approve(actor=reviewer, proposal=proposal)


def test_update_of_a_returned_proposal_resubmits_it(member, reviewer, proposal):
    proposal_return(actor=reviewer, proposal=proposal, comments="Say which kitchen.")

    proposal_update(actor=member, proposal=proposal, fields={"title": "Fire safety: ward kitchen"})

    proposal.refresh_from_db()
    assert (proposal.status, proposal.title) == (
        ProposalStatus.SUBMITTED,
        "Fire safety: ward kitchen",
    )
    event = AuditEvent.objects.get(action="learning.proposal.resubmitted")
    assert "title" in event.changes
    assert proposal in proposals_to_review(user=reviewer)


def test_approve_publishes_a_resource_credited_to_the_proposer_owned_by_the_reviewers_place(
    member, reviewer, proposal, region
):
    resource = proposal_approve(actor=reviewer, proposal=proposal, comments="Thank you!")

    assert (resource.status, resource.author, resource.owner_unit, resource.title) == (
        ResourceStatus.PUBLISHED,
        member,
        region,
        "Fire safety in the kitchen",
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.resource) == (ProposalStatus.APPROVED, resource)
    assert resource_contributor(resource=resource) == member.display_name
    actions = set(AuditEvent.objects.filter(actor=reviewer).values_list("action", flat=True))
    assert {
        "learning.proposal.approved",
        "learning.resource.created",
        "learning.resource.published",
    } <= actions
    with pytest.raises(ProposalClosedError):
        proposal_update(actor=member, proposal=proposal, fields={"title": "Changed"})


def test_nobody_reviews_their_own_proposal(region, workplace):
    reviewer = RoleGrantFactory(role=Role.REVIEWER, unit=region).user
    PersonFactory(account=reviewer, home_unit=workplace)
    own = proposal_submit(actor=reviewer, fields=PAGE)
    with pytest.raises(ProposalOwnReviewError):
        proposal_approve(actor=reviewer, proposal=own)
    assert own not in proposals_to_review(user=reviewer)


def test_review_queue_holds_only_waiting_proposals_in_scope(
    reviewer, other_reviewer, proposal, member, outsider
):
    returned = ProposalFactory(proposer=member, unit=proposal.unit, status=ProposalStatus.RETURNED)
    elsewhere = ProposalFactory(proposer=outsider)  # another union

    queue = list(proposals_to_review(user=reviewer))

    assert queue == [proposal]
    assert returned not in queue
    assert elsewhere not in queue
    assert list(proposals_to_review(user=other_reviewer)) == []


def test_my_proposals_are_only_mine(member, proposal, learner):
    ProposalFactory(proposer=learner)
    assert list(proposals_of(user=member)) == [proposal]


# --- views ------------------------------------------------------------------------------------


def test_member_proposes_through_the_form(client, member):
    client.force_login(member)
    assert client.get("/learning/proposals/new/").status_code == 200

    response = client.post("/learning/proposals/new/", _form())

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/learning/proposals/{proposal.pk}/"
    page = client.get("/learning/proposals/").content.decode()
    assert "Asking for a reasonable adjustment" in page
    assert "Waiting for review" in page


def test_a_bad_upload_shows_an_error_and_keeps_what_was_typed(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("notes.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")

    response = client.post(
        "/learning/proposals/new/", _form(kind="file", body="", title="My notes", file=fake)
    )

    assert response.status_code == 200
    assert "The file is not a real PDF, DOCX or ODT document." in response.content.decode()
    assert 'value="My notes"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_real_pdf_proposal_is_served_only_to_the_proposer_and_reviewers(
    client, member, reviewer, learner, other_reviewer
):
    client.force_login(member)
    pdf = SimpleUploadedFile("notes.pdf", PDF_BYTES, content_type="application/pdf")
    client.post("/learning/proposals/new/", _form(kind="file", body="", file=pdf))
    proposal = Proposal.objects.get()
    url = f"/learning/proposals/{proposal.pk}/file/"

    assert client.get(url).status_code == 200
    client.force_login(reviewer)
    assert client.get(url).status_code == 200
    for refused in (learner, other_reviewer):
        client.force_login(refused)
        assert client.get(url).status_code == 404


def test_another_member_cannot_see_or_change_a_proposal(client, proposal, learner):
    client.force_login(learner)
    for path in ("", "edit/", "review/"):
        assert client.get(f"/learning/proposals/{proposal.pk}/{path}").status_code == 404


def test_reviewer_out_of_scope_gets_404(client, proposal, other_reviewer):
    client.force_login(other_reviewer)
    assert client.get(f"/learning/proposals/{proposal.pk}/review/").status_code == 404
    response = client.post(f"/learning/proposals/{proposal.pk}/review/", {"approve": "1"})
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_learner_cannot_open_the_review_queue(client, learner):
    client.force_login(learner)
    assert client.get("/learning/proposals/review/").status_code == 404


def test_staff_of_another_union_are_refused(client, proposal):
    foreign_staff = RoleGrantFactory(role=Role.STAFF, unit=RegionFactory()).user
    client.force_login(foreign_staff)
    assert client.get(f"/learning/proposals/{proposal.pk}/review/").status_code == 404
    assert proposal.title not in client.get("/learning/proposals/review/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, proposal):
    response = client.get(f"/learning/proposals/{proposal.pk}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_reviewer_returns_then_approves_through_the_pages(client, reviewer, member, proposal):
    client.force_login(reviewer)
    queue = client.get("/learning/proposals/review/").content.decode()
    assert "Fire safety in the kitchen" in queue

    missing = client.post(f"/learning/proposals/{proposal.pk}/review/", {"return": "1"})
    assert missing.status_code == 400
    assert "Say what needs to change" in missing.content.decode()

    client.post(
        f"/learning/proposals/{proposal.pk}/review/",
        {"return": "1", "comments": "Name the fire exits."},
    )
    client.force_login(member)
    assert "Name the fire exits." in client.get("/learning/proposals/").content.decode()
    client.post(f"/learning/proposals/{proposal.pk}/edit/", _form(title="Fire safety, exits"))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED

    client.force_login(reviewer)
    response = client.post(f"/learning/proposals/{proposal.pk}/review/", {"approve": "1"})
    resource = Resource.objects.get(title="Fire safety, exits")
    assert response["Location"] == f"/learning/{resource.slug}/"
    client.force_login(member)
    page = client.get(f"/learning/{resource.slug}/").content.decode()
    assert "Contributed by" in page
    assert client.get(f"/learning/proposals/{proposal.pk}/edit/").status_code == 404


def test_the_proposer_is_notified_of_a_decision(mailoutbox, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    reviewer = RoleGrantFactory(role=Role.REVIEWER, unit=proposal.unit).user

    with django_capture_on_commit_callbacks(execute=True):
        proposal_return(actor=reviewer, proposal=proposal, comments="Please add a summary.")

    notice = Notification.objects.get(recipient=proposal.proposer)
    assert notice.kind == "proposal_returned"
    assert proposal.title in notice.title
    assert notice.url == f"/learning/proposals/{proposal.pk}/"
    assert notice.body == "Please add a summary."
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [proposal.proposer.email]
