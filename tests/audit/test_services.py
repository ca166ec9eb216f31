import pytest
from django.db import DatabaseError, connection, transaction

from commonplace.audit.context import AuditContext, audit_context
from commonplace.audit.models import AuditEvent
from commonplace.audit.services import audit_record
from tests.factories.accounts import UserFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_audit_record_names_who_what_and_where():
    actor, person = UserFactory(), PersonFactory()
    with audit_context(AuditContext(interface="web", request_id="req-1", ip_address="10.0.0.9")):
        event = audit_record(actor=actor, action="people.person.viewed", subject=person)

    assert (event.actor, event.person, event.union_id) == (actor, person, person.union_id)
    assert (event.interface, event.request_id, event.ip_address) == ("web", "req-1", "10.0.0.9")
    assert event.subject_label == person.display_name


def test_secret_looking_field_names_are_masked_and_values_never_stored():
    event = audit_record(
        actor=None,
        action="people.person.changed",
        subject=PersonFactory(),
        changes=["job_title", "password", "api_token"],
    )
    assert event.changes == ["****", "****", "job_title"]
    assert event.actor_label == "anonymous"


def test_ill_formed_action_codes_are_refused():
    with pytest.raises(ValueError, match="ill-formed"):
        audit_record(actor=None, action="viewed", subject=PersonFactory())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_database_refuses_to_change_or_delete_audit_rows():
    event = audit_record(actor=None, action="people.person.viewed", subject=PersonFactory())
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="people.person.changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "people.person.viewed"


def test_every_declared_action_code_is_well_formed():
    from importlib import import_module

    from django.apps import apps
    from django.db.models import TextChoices

    from commonplace.audit.enums import ACTION_CODE

    codes = []
    for config in apps.get_app_configs():
        if not config.name.startswith("commonplace."):
            continue
        try:
            module = import_module(f"{config.name}.enums")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, TextChoices)
                and "Audit" in value.__name__
            ):
                codes += list(value.values)
    assert codes
    assert all(ACTION_CODE.match(code) for code in codes), codes


def test_deleting_an_account_keeps_its_audit_rows_with_the_link_cut():
    actor = UserFactory(email="leaver@example.org")
    event = audit_record(actor=actor, action="people.person.viewed", subject=PersonFactory())

    actor.delete()

    event.refresh_from_db()
    assert event.actor is None
    assert event.actor_label == "leaver@example.org"
