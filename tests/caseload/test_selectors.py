import datetime

from commonplace.caseload.enums import ConsentAudience, ConsentSection
from commonplace.caseload.selectors import (
    caseload_list,
    conversations_visible_to,
    entries_visible_to,
    followups_due,
    followups_for,
    learners_to_add,
    plans_visible_to,
    progress_of,
    referrals_visible_to,
    resource_activity_id,
    sections_visible,
    ulrs_for_entry,
    workplaces_for_adding,
)
from commonplace.caseload.services import consent_record, consent_withdraw
from commonplace.learning.services import resource_experience_record
from tests.factories.caseload import (
    CaseloadEntryFactory,
    ConversationFactory,
    LearningPlanFactory,
    ReferralFactory,
)
from tests.factories.learning import ResourceFactory
from tests.factories.people import PersonFactory

from .conftest import terms

TODAY = datetime.date(2026, 3, 2)


def _entry(b, **consent):
    return CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr, **consent)


def test_entries_follow_the_learners_place(b):
    entry = _entry(b)
    elsewhere = CaseloadEntryFactory(learner=PersonFactory(home_unit=b.other_branch))

    assert set(entries_visible_to(user=b.ulr2)) == {entry}
    assert set(entries_visible_to(user=b.coordinator)) == {entry}
    assert set(entries_visible_to(user=b.other_ulr)) == {elsewhere}
    assert set(entries_visible_to(user=b.learner.account)) == {entry}
    assert set(entries_visible_to(user=b.staff)) == {entry, elsewhere}


def test_consent_for_the_ulr_only_hides_notes_from_the_rest_of_the_team(b):
    entry = _entry(b, consent__audience=ConsentAudience.ULR)
    conversation = ConversationFactory(entry=entry)
    plan = LearningPlanFactory(entry=entry)
    referral = ReferralFactory(entry=entry)

    for user in (b.ulr, b.learner.account):
        assert list(conversations_visible_to(user=user)) == [conversation]
        assert list(plans_visible_to(user=user)) == [plan]
        assert list(referrals_visible_to(user=user)) == [referral]
    for user in (b.ulr2, b.coordinator, b.other_ulr, b.staff):
        assert not conversations_visible_to(user=user).exists()
        assert not plans_visible_to(user=user).exists()
        assert not referrals_visible_to(user=user).exists()
    assert sections_visible(user=b.ulr2, entry=entry) == set()
    assert sections_visible(user=b.ulr, entry=entry) == set(ConsentSection.values)


def test_consent_for_the_team_shows_the_coordinator_but_never_staff(b):
    entry = _entry(b)
    conversation = ConversationFactory(entry=entry)

    assert list(conversations_visible_to(user=b.coordinator)) == [conversation]
    assert list(conversations_visible_to(user=b.ulr2)) == [conversation]
    assert not conversations_visible_to(user=b.staff).exists()
    assert sections_visible(user=b.staff, entry=entry) == {ConsentSection.CONTACT}


def test_sections_not_shared_stay_hidden_and_withdrawal_hides_everything(b):
    entry = _entry(b)
    ConversationFactory(entry=entry)
    LearningPlanFactory(entry=entry)
    consent_record(actor=b.ulr, entry=entry, terms=terms(sections=[ConsentSection.PLAN]))

    assert not conversations_visible_to(user=b.ulr).exists()
    assert plans_visible_to(user=b.ulr).exists()
    assert sections_visible(user=b.ulr, entry=entry) == {ConsentSection.PLAN}

    consent_withdraw(actor=b.learner.account, entry=entry)
    assert not plans_visible_to(user=b.ulr).exists()
    assert sections_visible(user=b.ulr, entry=entry) == set()
    # the learner still sees everything recorded about them
    assert conversations_visible_to(user=b.learner.account).count() == 1
    assert list(entries_visible_to(user=b.ulr)) == [entry]


def test_followups_for_groups_the_leads_open_follow_ups(b):
    entry = _entry(b)
    day = datetime.timedelta(days=1)
    overdue = ConversationFactory(entry=entry, follow_up_on=TODAY - day)
    today = ConversationFactory(entry=entry, follow_up_on=TODAY)
    week = ConversationFactory(entry=entry, follow_up_on=TODAY + 6 * day)
    ConversationFactory(entry=entry, follow_up_on=TODAY + 8 * day)  # later
    ConversationFactory(entry=entry, follow_up_on=TODAY - day, follow_up_done_on=TODAY)  # done

    due = followups_for(user=b.ulr, today=TODAY)
    assert (due.overdue, due.today, due.this_week) == ([overdue], [today], [week])
    assert followups_for(user=b.ulr2, today=TODAY).count == 0  # not their learner


def test_followups_due_lists_open_follow_ups_by_their_lead_while_consent_allows(b):
    entry = _entry(b)
    conversation = ConversationFactory(entry=entry, follow_up_on=TODAY)
    ConversationFactory(entry=entry, follow_up_on=TODAY + datetime.timedelta(days=1))

    rows = list(followups_due(on=TODAY))
    assert rows == [conversation]
    assert rows[0].entry.lead_ulr == b.ulr
    consent_withdraw(actor=b.learner.account, entry=entry)
    assert not followups_due(on=TODAY).exists()


def test_caseload_list_narrows_to_mine_and_by_name(b):
    mine = _entry(b)
    other = CaseloadEntryFactory(
        learner=PersonFactory(home_unit=b.other_workplace, given_name="Zed"), lead_ulr=b.ulr2
    )
    ConversationFactory(entry=mine, follow_up_on=TODAY)

    assert list(caseload_list(user=b.ulr, mine=True)) == [mine]
    assert list(caseload_list(user=b.ulr, text="Zed")) == [other]
    assert caseload_list(user=b.ulr, mine=True)[0].next_follow_up == TODAY


def test_learners_to_add_finds_visible_people_not_yet_in_a_caseload(b):
    found = PersonFactory(home_unit=b.workplace, family_name="Okonkwo")
    PersonFactory(home_unit=b.other_branch, family_name="Okonkwo")  # not in scope
    CaseloadEntryFactory(learner=PersonFactory(home_unit=b.workplace, family_name="Okonkwo"))

    assert list(learners_to_add(user=b.ulr, text="okon")) == [found]
    assert list(learners_to_add(user=b.ulr, text="")) == []


def test_workplaces_and_ulrs_of_a_place(b):
    entry = _entry(b)
    assert [name for _pk, name in workplaces_for_adding(user=b.ulr)] == [
        "Community hospital",
        "Main hospital",
    ]
    assert workplaces_for_adding(user=b.coordinator) == []
    assert set(ulrs_for_entry(entry=entry)) == {b.ulr, b.ulr2}


def test_progress_of_reads_the_learners_own_statements(b):
    entry = _entry(b)
    resource = ResourceFactory(owner_unit=b.branch.union, language="en")
    unopened = ResourceFactory(owner_unit=b.branch.union, language="en")
    resource_experience_record(
        user=b.learner.account, resource=resource, activity_id=resource_activity_id(resource)
    )

    progress = progress_of(entry=entry, resources=[resource, unopened])
    assert progress.resources_opened == 1
    assert progress.resources == {resource.pk: True, unopened.pk: False}
    assert progress.recent[0][1] == "experienced"
    assert progress_of(entry=CaseloadEntryFactory()) is None  # no account, no statements
