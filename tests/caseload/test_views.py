import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commonplace.audit.models import AuditEvent
from commonplace.caseload.enums import ConsentAudience
from commonplace.caseload.models import CaseloadEntry, Conversation, Referral
from commonplace.people.models import Person
from tests.factories.caseload import (
    CaseloadEntryFactory,
    ConversationFactory,
    GoalFactory,
    LearningPlanFactory,
)
from tests.factories.learning import ResourceFactory
from tests.factories.people import PersonFactory

SECRET = "Worried about the maths test at work"


def _story(entry):
    return reverse("caseload:entry-detail", args=[entry.pk])


@pytest.fixture
def entry(b):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    ConversationFactory(entry=entry, agreed=SECRET)
    return entry


def test_story_shows_the_lead_everything_and_audits_one_view(client, b, entry):
    client.force_login(b.ulr)
    response = client.get(_story(entry))

    assert response.status_code == 200
    assert SECRET in response.text
    assert "sam@example.org" in response.text
    assert AuditEvent.objects.filter(action="caseload.entry.viewed").count() == 1


def test_story_refuses_a_ulr_of_another_branch_and_anonymous(client, b, entry):
    client.force_login(b.other_ulr)
    assert client.get(_story(entry)).status_code == 404
    assert client.get(reverse("caseload:conversation-add", args=[entry.pk])).status_code == 404
    client.logout()
    response = client.get(_story(entry))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not AuditEvent.objects.filter(action="caseload.entry.viewed").exists()


def test_story_hides_what_consent_withheld_from_another_ulr(client, b):
    entry = CaseloadEntryFactory(
        learner=b.learner, lead_ulr=b.ulr, consent__audience=ConsentAudience.ULR
    )
    ConversationFactory(entry=entry, agreed=SECRET)
    client.force_login(b.ulr2)
    response = client.get(_story(entry))

    assert response.status_code == 200
    assert SECRET not in response.text
    assert "sam@example.org" not in response.text
    assert client.get(reverse("caseload:conversation-add", args=[entry.pk])).status_code == 200
    response = client.post(
        reverse("caseload:conversation-add", args=[entry.pk]),
        {"held_on": "2026-01-05", "channel": "phone", "topics": ["numeracy"]},
    )
    assert "not agreed to share" in response.text
    assert Conversation.objects.count() == 1


def test_coordinator_sees_the_branch_caseload_and_story(client, b, entry):
    other = CaseloadEntryFactory(
        learner=PersonFactory(home_unit=b.other_workplace), lead_ulr=b.ulr2
    )
    CaseloadEntryFactory(learner=PersonFactory(home_unit=b.other_branch))
    client.force_login(b.coordinator)
    response = client.get(reverse("caseload:caseload"))

    assert [e for e, _s in response.context["rows"]] == sorted(
        [entry, other], key=lambda e: (e.learner.family_name, e.learner.given_name, e.pk)
    )
    assert SECRET in client.get(_story(entry)).text


def test_learner_sees_only_their_own_record_and_signs_their_plan(client, b, entry):
    plan = LearningPlanFactory(entry=entry)
    GoalFactory(plan=plan, text="Pass level 1 maths")
    someone = CaseloadEntryFactory(learner=PersonFactory(home_unit=b.workplace))
    client.force_login(b.learner.account)

    response = client.get(reverse("caseload:my-record"))
    assert SECRET in response.text
    assert "Pass level 1 maths" in response.text
    assert client.get(_story(someone)).status_code == 404
    other_plan = LearningPlanFactory(entry=someone)
    assert client.post(reverse("caseload:plan-sign", args=[other_plan.pk])).status_code == 404

    response = client.post(reverse("caseload:plan-sign", args=[plan.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.learner_signed_at is not None
    assert plan.ulr_signed_at is None
    assert not AuditEvent.objects.filter(action="caseload.entry.viewed").exists()


def test_caseload_list_has_the_same_queries_for_one_and_three_learners(client, b):
    client.force_login(b.ulr)
    CaseloadEntryFactory(learner=PersonFactory(home_unit=b.workplace), lead_ulr=b.ulr)
    client.get(reverse("caseload:caseload"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("caseload:caseload"))
    for _ in range(2):
        CaseloadEntryFactory(learner=PersonFactory(home_unit=b.workplace), lead_ulr=b.ulr)
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("caseload:caseload"))
    assert len(response.context["rows"]) == 3
    assert len(three) == len(one)


def test_add_a_new_learner_with_consent(client, b):
    client.force_login(b.ulr)
    response = client.post(
        reverse("caseload:learner-add"),
        {
            "form": "new",
            "given_name": "Ana",
            "family_name": "Silva",
            "phone": "07700 900456",
            "workplace": str(b.workplace.pk),
            "needs": "ESOL classes",
            "sections": ["contact", "needs"],
            "audience": "ulr",
            "given_on": timezone.localdate().isoformat(),
            "method": "in_person",
        },
    )
    entry = CaseloadEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _story(entry)
    assert entry.learner.status == "non_member"
    assert (entry.consent.shares_needs, entry.consent.shares_plan) == (True, False)


def test_add_a_learner_refuses_a_workplace_outside_the_reps_place_and_keeps_input(client, b):
    client.force_login(b.ulr)
    response = client.post(
        reverse("caseload:learner-add"),
        {
            "form": "new",
            "given_name": "Ana",
            "family_name": "Silva",
            "workplace": "999999",
            "sections": [],
            "audience": "partner",
            "given_on": "2026-01-05",
            "method": "online",
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert 'value="Silva"' in response.text
    assert not Person.objects.filter(family_name="Silva").exists()


def test_add_an_existing_person_found_by_name(client, b):
    client.force_login(b.ulr)
    person = PersonFactory(home_unit=b.other_workplace, family_name="Nakamura")
    response = client.get(reverse("caseload:learner-add"), {"q": "Nakam"})
    assert "Nakamura" in response.text
    response = client.post(
        reverse("caseload:learner-add"),
        {
            "form": "existing",
            "person": str(person.pk),
            "sections": ["plan"],
            "audience": "team",
            "given_on": "2026-01-05",
            "method": "in_person",
        },
    )
    assert response.status_code == 302
    assert CaseloadEntry.objects.get().learner == person


def test_add_refuses_a_person_the_rep_cannot_see(client, b):
    hidden = PersonFactory(home_unit=b.other_branch)
    client.force_login(b.ulr)
    response = client.post(
        reverse("caseload:learner-add"),
        {"form": "existing", "person": str(hidden.pk), "sections": ["plan"], "audience": "team",
         "given_on": "2026-01-05", "method": "in_person"},
    )  # fmt: skip
    assert response.status_code == 404
    assert not CaseloadEntry.objects.exists()


def test_log_a_conversation_with_a_follow_up_then_see_it_due(client, b, entry):
    client.force_login(b.ulr)
    today = timezone.localdate()
    response = client.post(
        reverse("caseload:conversation-add", args=[entry.pk]),
        {
            "held_on": today.isoformat(),
            "channel": "face_to_face",
            "place": "Canteen",
            "topics": ["digital", "confidence"],
            "agreed": "Try the email course",
            "follow_up_on": (today + datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 302
    response = client.get(reverse("caseload:followups"))
    assert [c.agreed for c in response.context["due"].this_week] == ["Try the email course"]


def test_conversation_form_errors_keep_what_was_typed(client, b, entry):
    client.force_login(b.ulr)
    response = client.post(
        reverse("caseload:conversation-add", args=[entry.pk]),
        {
            "held_on": "2026-01-05",
            "channel": "phone",
            "agreed": "Keep me",
            "follow_up_on": "2025-01-01",
        },
    )
    assert response.status_code == 200
    assert "Choose at least one thing you talked about." in response.text
    assert "on or after the conversation" in response.text
    assert "Keep me" in response.text


def test_plan_page_creates_a_plan_adds_a_goal_and_links_a_resource(client, b, entry):
    resource = ResourceFactory(owner_unit=b.branch.union, title="Maths refresher")
    client.force_login(b.ulr)
    url = reverse("caseload:plan-edit", args=[entry.pk])
    client.post(url, {"form": "plan", "summary": "Level 2 maths", "resources": [resource.pk]})
    client.post(url, {"form": "goal", "text": "Pass level 1", "target_on": "2026-06-30"})
    client.post(url, {"form": "action", "text": "Book the test", "owner": "ulr"})

    plan = entry.plan
    assert [g.text for g in plan.goals.all()] == ["Pass level 1"]
    assert [a.owner for a in plan.actions.all()] == ["ulr"]
    response = client.get(reverse("caseload:plan-print", args=[plan.pk]))
    assert "Maths refresher" in response.text
    assert "<script>" not in response.text.split("</head>")[1]


def test_referral_to_a_resource_and_its_status(client, b, entry):
    resource = ResourceFactory(owner_unit=b.branch.union, title="Maths refresher")
    client.force_login(b.ulr)
    client.post(
        reverse("caseload:referral-add", args=[entry.pk]),
        {"kind": "resource", "resource": resource.pk},
    )
    referral = Referral.objects.get()
    response = client.post(
        reverse("caseload:referral-status", args=[referral.pk]),
        {"status": "started", "on": "2026-02-01"},
    )
    referral.refresh_from_db()
    assert response.status_code == 302
    assert (referral.label, referral.status) == ("Maths refresher", "started")
    client.force_login(b.other_ulr)
    assert client.get(reverse("caseload:referral-status", args=[referral.pk])).status_code == 404


def test_learner_withdraws_consent_and_the_ulr_sees_only_the_name(client, b, entry):
    client.force_login(b.learner.account)
    client.post(reverse("caseload:entry-withdraw", args=[entry.pk]))
    client.force_login(b.ulr)
    response = client.get(_story(entry))
    assert response.status_code == 200
    assert b.learner.display_name in response.text
    assert SECRET not in response.text
    assert "Consent withdrawn" in response.text


def test_coordinator_reassigns_and_a_ulr_may_not(client, b, entry):
    url = reverse("caseload:entry-reassign", args=[entry.pk])
    client.force_login(b.ulr)
    assert client.get(url).status_code == 404
    client.force_login(b.coordinator)
    assert client.post(url, {"lead": b.ulr2.pk}).status_code == 302
    entry.refresh_from_db()
    assert entry.lead_ulr == b.ulr2


def test_home_shows_the_ulr_their_follow_ups_and_the_learner_their_record(client, b, entry):
    ConversationFactory(entry=entry, follow_up_on=timezone.localdate())
    client.force_login(b.ulr)
    response = client.get(reverse("home:home"))
    assert "1 follow-up due this week" in response.text
    assert reverse("caseload:caseload") in response.text
    client.force_login(b.learner.account)
    response = client.get(reverse("home:home"))
    assert reverse("caseload:my-record") in response.text
    client.force_login(b.other_ulr)
    assert "0 follow-ups due this week" in client.get(reverse("home:home")).text


def test_story_shows_the_next_follow_up_and_whether_plan_resources_were_opened(client, b, entry):
    from commonplace.caseload.selectors import resource_activity_id
    from commonplace.learning.services import resource_experience_record

    opened = ResourceFactory(owner_unit=b.branch.union, title="Opened one", language="en")
    unopened = ResourceFactory(owner_unit=b.branch.union, title="Unopened one", language="en")
    LearningPlanFactory(entry=entry).resources.set([opened, unopened])
    resource_experience_record(
        user=b.learner.account, resource=opened, activity_id=resource_activity_id(opened)
    )
    ConversationFactory(entry=entry, follow_up_on=datetime.date(2026, 2, 3))
    client.force_login(b.ulr)
    response = client.get(_story(entry))

    assert response.context["next_follow_up"] == datetime.date(2026, 2, 3)
    assert set(response.context["linked_resources"]) == {(opened, True), (unopened, False)}
    assert "not opened yet" in response.text


def test_follow_ups_page_has_the_same_queries_for_one_and_three(client, b):
    def add():
        learner = PersonFactory(home_unit=b.workplace)
        entry = CaseloadEntryFactory(learner=learner, lead_ulr=b.ulr)
        ConversationFactory(entry=entry, follow_up_on=timezone.localdate())

    client.force_login(b.ulr)
    add()
    client.get(reverse("caseload:followups"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("caseload:followups"))
    add()
    add()
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("caseload:followups"))
    assert response.context["due"].count == 3
    assert len(three) == len(one)


def test_needs_are_changed_by_a_rep_the_learner_shared_them_with(client, b, entry):
    url = reverse("caseload:entry-needs", args=[entry.pk])
    client.force_login(b.ulr2)  # the learner shared with the learning team
    assert client.post(url, {"needs": "ESOL writing"}).status_code == 302
    entry.refresh_from_db()
    assert entry.needs == "ESOL writing"
    assert AuditEvent.objects.filter(action="caseload.entry.changed").count() == 1
    client.force_login(b.other_ulr)
    assert client.get(url).status_code == 404
    client.force_login(b.coordinator)
    assert client.get(url).status_code == 404
