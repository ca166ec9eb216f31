"""`statements_stored`: sent inside the store's transaction with the statements written."""

import pytest

from commonplace.lrs import vocabulary
from commonplace.lrs.models import Statement
from commonplace.lrs.services.statements import statement_record, statements_stored

pytestmark = pytest.mark.django_db


def _record(activity_id: str) -> str:
    return statement_record(
        actor={"mbox": "mailto:sam@example.org"},
        verb=vocabulary.COMPLETED,
        activity_id=activity_id,
        activity_type=vocabulary.ActivityType.LESSON,
        activity_name={"en": "A page"},
    )


def test_signal_carries_the_stored_statements_after_their_rows_are_written():
    seen = []

    def receiver(sender, statements, **kwargs):
        seen.append(
            (
                [s["id"] for s in statements],
                Statement.objects.filter(statement_id=statements[0]["id"]).exists(),
            )
        )

    statements_stored.connect(receiver, dispatch_uid="test-signal")
    try:
        statement_id = _record("https://example.org/page")
    finally:
        statements_stored.disconnect(dispatch_uid="test-signal")

    assert seen == [([statement_id], True)]


def test_a_failing_receiver_rolls_the_batch_back():
    def receiver(sender, statements, **kwargs):
        raise RuntimeError("refused")

    statements_stored.connect(receiver, dispatch_uid="test-failing")
    try:
        with pytest.raises(RuntimeError):
            _record("https://example.org/other")
    finally:
        statements_stored.disconnect(dispatch_uid="test-failing")

    assert not Statement.objects.filter(activity_id="https://example.org/other").exists()
