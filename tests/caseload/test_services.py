import datetime

import pytest
from django.utils import timezone

from commonplace.audit.models import AuditEvent
from commonplace.caseload.enums import ConsentAudience, ConsentSection, ReferralStatus
from commonplace.caseload.errors import (
    AlreadyInCaseloadError,
    ConsentIncompleteError,
    ConsentMissingError,
    ConversationInFutureError,
    FollowUpBeforeConversationError,
    NotAUlrError,
    NotYourPlanError,
    PartnerNameMissingError,
    PlanEmptyError,
    ReferralTargetMissingError,
)
from commonplace.caseload.models import CaseloadEntry, Conversation
from commonplace.caseload.services import (
    action_add,
    consent_record,
    consent_withdraw,
    conversation_record,
    entry_create,
    entry_reassign,
    goal_achieve,
    goal_add,
    plan_save,
    plan_sign,
    referral_create,
    referral_status_set,
)
from commonplace.lrs.selectors import statements_of_user
from commonplace.people.enums import MembershipStatus
from commonplace.people.services import person_create_learner
from tests.factories.learning import ResourceFactory

from .conftest import terms

TODAY = datetime.date(2026, 1, 10)


def _entry(b, **kwargs):
    return entry_create(
        actor=b.ulr, learner=b.learner, lead_ulr=b.ulr, terms=kwargs.pop("t", terms()), **kwargs
    )


def test_entry_create_records_the_learner_and_their_consent_and_audits(b):
    entry = _entry(b, needs="Wants help with maths")

    assert entry.lead_ulr == b.ulr
    assert entry.branch == b.branch
    assert entry.consent.shares_needs
    assert entry.consent.audience == ConsentAudience.TEAM
    assert entry.needs == "Wants help with maths"
    actions = set(
        AuditEvent.objects.filter(subject_id=str(entry.pk)).values_list("action", flat=True)
    )
    assert actions == {"caseload.entry.created", "caseload.consent.recorded"}
    assert AuditEvent.objects.filter(
        person_id=b.learner.pk, action="caseload.entry.created"
    ).exists()


def test_entry_create_refuses_a_learner_already_in_a_caseload(b):
    _entry(b)
    with pytest.raises(AlreadyInCaseloadError):
        entry_create(actor=b.ulr2, learner=b.learner, lead_ulr=b.ulr2, terms=terms())
    assert CaseloadEntry.objects.count() == 1


def test_entry_create_refuses_a_lead_who_is_no_ulr_for_the_learner(b):
    with pytest.raises(NotAUlrError):
        entry_create(actor=b.other_ulr, learner=b.learner, lead_ulr=b.other_ulr, terms=terms())
    with pytest.raises(NotAUlrError):
        entry_create(actor=b.coordinator, learner=b.learner, lead_ulr=b.coordinator, terms=terms())
    assert CaseloadEntry.objects.count() == 0


def test_entry_create_needs_something_shared_and_a_named_partner(b):
    with pytest.raises(ConsentIncompleteError):
        _entry(b, t=terms(sections=[]))
    with pytest.raises(PartnerNameMissingError):
        _entry(b, t=terms(audience=ConsentAudience.PARTNER, partner_name=" "))
    assert CaseloadEntry.objects.count() == 0


def test_entry_create_keeps_no_needs_the_learner_did_not_share(b):
    entry = _entry(b, t=terms(sections=[ConsentSection.PLAN]), needs="private")
    assert entry.needs == ""


def test_person_create_learner_makes_a_non_member_at_the_workplace(b):
    person = person_create_learner(
        actor=b.ulr, given_name=" Ana ", family_name="Silva", workplace=b.workplace, phone="0770"
    )
    assert person.status == MembershipStatus.NON_MEMBER
    assert (person.given_name, person.branch, person.home_unit) == ("Ana", b.branch, b.workplace)
    assert person.contact_by_phone
    assert not person.contact_by_email
    with pytest.raises(ValueError, match="workplace"):
        person_create_learner(actor=b.ulr, given_name="A", family_name="B", workplace=b.branch)


def test_conversation_record_takes_up_open_follow_ups_and_audits_without_notes(b):
    entry = _entry(b)
    first = conversation_record(
        actor=b.ulr, entry=entry, held_on=TODAY, channel="phone", topics=["numeracy"],
        agreed="Secret notes", follow_up_on=TODAY + datetime.timedelta(days=7),
    )  # fmt: skip
    second = conversation_record(
        actor=b.ulr, entry=entry, held_on=TODAY + datetime.timedelta(days=1), channel="video",
        topics=["digital", "digital"],
    )  # fmt: skip

    first.refresh_from_db()
    assert first.follow_up_done_on == TODAY + datetime.timedelta(days=1)
    assert second.topics == ["digital"]
    assert second.follow_up_done_on is None
    event = AuditEvent.objects.get(
        action="caseload.conversation.recorded", subject_id=str(first.pk)
    )
    assert "Secret" not in str(event.changes)
    assert event.person_id == b.learner.pk


def test_conversation_record_refuses_without_consent_future_dates_and_early_follow_ups(b):
    entry = _entry(b, t=terms(sections=[ConsentSection.PLAN]))
    with pytest.raises(ConsentMissingError):
        conversation_record(actor=b.ulr, entry=entry, held_on=TODAY, channel="phone", topics=[])
    consent_record(actor=b.ulr, entry=entry, terms=terms())
    with pytest.raises(ConversationInFutureError):
        conversation_record(
            actor=b.ulr, entry=entry, held_on=timezone.localdate() + datetime.timedelta(days=1),
            channel="phone", topics=[],
        )  # fmt: skip
    with pytest.raises(FollowUpBeforeConversationError):
        conversation_record(
            actor=b.ulr, entry=entry, held_on=TODAY, channel="phone", topics=[],
            follow_up_on=TODAY - datetime.timedelta(days=1),
        )  # fmt: skip
    assert Conversation.objects.count() == 0


def test_consent_withdraw_stops_further_records(b):
    entry = _entry(b)
    consent_withdraw(actor=b.learner.account, entry=entry)

    assert entry.consent.withdrawn_at is not None
    assert AuditEvent.objects.filter(action="caseload.consent.withdrawn").count() == 1
    with pytest.raises(ConsentMissingError):
        plan_save(actor=b.ulr, entry=entry, summary="x")


def test_entry_reassign_moves_the_lead_only_to_a_ulr_of_the_place(b):
    entry = _entry(b)
    entry_reassign(actor=b.coordinator, entry=entry, lead_ulr=b.ulr2)
    assert entry.lead_ulr == b.ulr2
    with pytest.raises(NotAUlrError):
        entry_reassign(actor=b.coordinator, entry=entry, lead_ulr=b.other_ulr)
    assert AuditEvent.objects.filter(action="caseload.entry.reassigned").count() == 1


def test_plan_signed_by_both_then_changed_asks_for_new_sign_offs(b):
    entry = _entry(b)
    resource = ResourceFactory(owner_unit=b.branch.union)
    plan = plan_save(actor=b.ulr, entry=entry, summary="Level 2 maths", resources=[resource])
    with pytest.raises(PlanEmptyError):
        plan_sign(actor=b.ulr, plan=plan)
    goal_add(actor=b.ulr, plan=plan, text="Pass level 1", target_on=TODAY)

    plan_sign(actor=b.learner.account, plan=plan)
    plan = plan_sign(actor=b.ulr, plan=plan)
    assert plan.is_signed
    assert plan.ulr_signed_by == b.ulr

    action_add(actor=b.ulr, plan=plan, text="Book the assessment", owner="ulr")
    plan.refresh_from_db()
    assert plan.learner_signed_at is None
    assert plan.ulr_signed_at is None
    assert list(plan.resources.all()) == [resource]


def test_plan_sign_refuses_someone_who_is_neither_learner_nor_their_ulr(b):
    entry = _entry(b)
    plan = plan_save(actor=b.ulr, entry=entry, summary="x")
    goal_add(actor=b.ulr, plan=plan, text="Goal")
    for outsider in (b.other_ulr, b.coordinator):
        with pytest.raises(NotYourPlanError):
            plan_sign(actor=outsider, plan=plan)


def test_plan_save_unchanged_keeps_sign_offs(b):
    entry = _entry(b)
    plan = plan_save(actor=b.ulr, entry=entry, summary="Same")
    goal_add(actor=b.ulr, plan=plan, text="Goal")
    plan_sign(actor=b.learner.account, plan=plan)
    plan = plan_save(actor=b.ulr, entry=entry, summary="Same", resources=[])
    plan.refresh_from_db()
    assert plan.learner_signed_at is not None


def test_goal_achieve_records_a_completed_statement_for_the_learner(b):
    entry = _entry(b)
    plan = plan_save(actor=b.ulr, entry=entry, summary="x")
    goal = goal_add(actor=b.ulr, plan=plan, text="Pass level 1")
    goal_achieve(actor=b.ulr, goal=goal, on=TODAY)
    goal_achieve(actor=b.ulr, goal=goal, on=TODAY)  # twice: one statement

    statements = statements_of_user(user=b.learner.account)
    assert statements.count() == 1
    assert statements.get().data["object"]["definition"]["name"] == {"en": "Pass level 1"}
    assert goal.achieved_on == TODAY


def test_referral_to_a_resource_takes_its_title_and_moves_through_statuses(b):
    entry = _entry(b)
    resource = ResourceFactory(owner_unit=b.branch.union, title="Maths refresher")
    with pytest.raises(ReferralTargetMissingError):
        referral_create(actor=b.ulr, entry=entry, kind="resource")
    referral = referral_create(actor=b.ulr, entry=entry, kind="resource", resource=resource)
    assert (referral.label, referral.reference) == ("Maths refresher", resource.slug)
    assert referral.status == ReferralStatus.SUGGESTED

    referral_status_set(actor=b.ulr, referral=referral, status="accepted", on=TODAY)
    referral_status_set(actor=b.ulr, referral=referral, status="completed", on=TODAY)
    referral.refresh_from_db()
    assert (referral.status, referral.accepted_on, referral.completed_on) == (
        "completed", TODAY, TODAY,
    )  # fmt: skip
    assert AuditEvent.objects.filter(action="caseload.referral.changed").count() == 2


def test_referral_to_a_pathway_is_kept_as_kind_reference_and_label(b):
    entry = _entry(b)
    referral = referral_create(
        actor=b.ulr, entry=entry, kind="pathway", reference="ulr-training", label="ULR training"
    )
    assert (referral.kind, referral.reference, referral.label) == (
        "pathway", "ulr-training", "ULR training",
    )  # fmt: skip
