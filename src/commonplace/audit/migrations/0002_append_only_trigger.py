"""On PostgreSQL, a trigger makes audit_auditevent append-only.

DELETE is refused. UPDATE is refused unless it changes nothing that was recorded: the only
updates allowed are cutting a link to a deleted row (Django's ON DELETE SET NULL for the
account, grant, person and union) and pseudonymisation (marking `redacted` and rewriting the
labels, one way). SQLite has no such trigger: the code never updates or deletes rows.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_auditevent is append-only: DELETE refused'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id
        OR NEW.at IS DISTINCT FROM OLD.at
        OR NEW.action IS DISTINCT FROM OLD.action
        OR NEW.subject_type IS DISTINCT FROM OLD.subject_type
        OR NEW.subject_id IS DISTINCT FROM OLD.subject_id
        OR NEW.changes::text IS DISTINCT FROM OLD.changes::text
        OR NEW.interface IS DISTINCT FROM OLD.interface
        OR NEW.request_id IS DISTINCT FROM OLD.request_id
        OR NEW.ip_address IS DISTINCT FROM OLD.ip_address
        OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id)
        OR (NEW.grant_id IS NOT NULL AND NEW.grant_id IS DISTINCT FROM OLD.grant_id)
        OR (NEW.person_id IS NOT NULL AND NEW.person_id IS DISTINCT FROM OLD.person_id)
        OR (NEW.union_id IS NOT NULL AND NEW.union_id IS DISTINCT FROM OLD.union_id)
        OR (OLD.redacted AND NOT NEW.redacted)
        OR (NOT NEW.redacted AND (NEW.actor_label IS DISTINCT FROM OLD.actor_label
                                  OR NEW.subject_label IS DISTINCT FROM OLD.subject_label))
    THEN
        RAISE EXCEPTION 'audit_auditevent is append-only: UPDATE refused'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
"""

REVERSE = """
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forward, reverse, elidable=False)]
