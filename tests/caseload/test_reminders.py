"""Follow-up reminders: one notification per lead ULR per day, for follow-ups due on the day
or earlier, never for a learner who withdrew consent; the command and the task run it."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import translation

from commonplace.caseload.services import consent_withdraw, followups_remind, followups_remind_task
from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.models import Notification
from tests.factories.caseload import CaseloadEntryFactory, ConversationFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 2)
DAY = datetime.timedelta(days=1)


def _learner_of(lead, b, **consent):
    return CaseloadEntryFactory(
        learner=PersonFactory(home_unit=b.workplace), lead_ulr=lead, **consent
    )


def _reminders():
    return Notification.objects.filter(kind=NotificationKind.FOLLOWUPS_DUE).order_by("pk")


def test_each_lead_gets_one_notification_counting_their_due_follow_ups(
    b, django_capture_on_commit_callbacks
):
    first, second = _learner_of(b.ulr, b), _learner_of(b.ulr, b)
    ConversationFactory(entry=first, follow_up_on=TODAY - 3 * DAY)  # overdue
    ConversationFactory(entry=first, follow_up_on=TODAY)
    ConversationFactory(entry=second, follow_up_on=TODAY)
    ConversationFactory(entry=second, follow_up_on=TODAY + DAY)  # not due yet
    ConversationFactory(entry=second, follow_up_on=TODAY, follow_up_done_on=TODAY)  # done
    ConversationFactory(entry=_learner_of(b.ulr2, b), follow_up_on=TODAY)
    ConversationFactory(entry=_learner_of(b.other_ulr, b), follow_up_on=TODAY + DAY)

    with django_capture_on_commit_callbacks(execute=True):
        assert followups_remind(on=TODAY) == 2

    by_lead = {n.recipient_id: n for n in _reminders()}
    assert set(by_lead) == {b.ulr.pk, b.ulr2.pk}
    assert by_lead[b.ulr.pk].title == "3 follow-ups are due"
    assert by_lead[b.ulr2.pk].title == "1 follow-up is due"
    assert by_lead[b.ulr.pk].url == "/caseload/follow-ups/"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([b.ulr.email, b.ulr2.email])


def test_a_second_run_the_same_day_sends_nothing(b):
    ConversationFactory(entry=_learner_of(b.ulr, b), follow_up_on=TODAY)
    assert followups_remind(on=TODAY) == 1
    ConversationFactory(entry=_learner_of(b.ulr, b), follow_up_on=TODAY)  # one more comes due
    assert followups_remind(on=TODAY) == 0
    assert _reminders().count() == 1


def test_a_reminder_sent_yesterday_does_not_hold_back_todays(b):
    ConversationFactory(entry=_learner_of(b.ulr, b), follow_up_on=TODAY)
    assert followups_remind(on=TODAY) == 1
    Notification.objects.update(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert followups_remind(on=TODAY) == 1
    assert _reminders().count() == 2


def test_follow_ups_of_a_learner_who_withdrew_consent_are_left_out(b):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    ConversationFactory(entry=entry, follow_up_on=TODAY)
    consent_withdraw(actor=b.learner.account, entry=entry)
    ConversationFactory(
        entry=_learner_of(b.ulr2, b, consent__shares_needs=False), follow_up_on=TODAY
    )

    assert followups_remind(on=TODAY) == 0
    assert not _reminders().exists()


def test_the_reminder_speaks_the_leads_language(b):
    b.ulr.preferred_language = "cy"
    b.ulr.save()
    ConversationFactory(entry=_learner_of(b.ulr, b), follow_up_on=TODAY)
    with translation.override("en"):
        followups_remind(on=TODAY)
    title = _reminders().get().title
    assert "1" in title
    assert "follow-up" not in title


def test_the_command_and_the_task_remind(b):
    ConversationFactory(entry=_learner_of(b.ulr, b), follow_up_on=TODAY)
    out = StringIO()
    call_command("caseload_remind", "--on", TODAY.isoformat(), stdout=out)
    assert "sent to 1 ULR(s)" in out.getvalue()
    ConversationFactory(entry=_learner_of(b.ulr2, b), follow_up_on=TODAY)
    assert followups_remind_task.call(on=TODAY.isoformat()) == 1
    assert _reminders().count() == 2
    with pytest.raises(CommandError):
        call_command("caseload_remind", "--on", "tomorrow")
