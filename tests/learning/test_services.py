import pytest

from commonplace.audit.models import AuditEvent
from commonplace.learning.enums import Level, ResourceKind, ResourceStatus
from commonplace.learning.errors import ResourceIncompleteError, ResourceNotAllowedError
from commonplace.learning.services import (
    body_sanitise,
    resource_create,
    resource_publish,
    resource_unpublish,
    resource_update,
)
from tests.factories.learning import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

PAGE = {
    "kind": ResourceKind.PAGE,
    "title": "What a union learning rep does",
    "summary": "A ULR helps members find learning.",
    "body": "<p>Hello</p>",
    "duration_minutes": 10,
    "level": Level.ENTRY,
    "language": "en",
}


def test_resource_create_saves_a_draft_with_slug_topics_and_audit(staff, union):
    topic = TopicFactory(slug="ulr")

    resource = resource_create(actor=staff, owner_unit=union, fields=PAGE, topics=[topic])

    assert (resource.status, resource.slug, resource.author) == (
        ResourceStatus.DRAFT,
        "what-a-union-learning-rep-does",
        staff,
    )
    assert list(resource.topics.all()) == [topic]
    assert AuditEvent.objects.filter(action="learning.resource.created", actor=staff).count() == 1


def test_resource_create_makes_slugs_unique(staff, union):
    first = resource_create(actor=staff, owner_unit=union, fields=PAGE)
    second = resource_create(actor=staff, owner_unit=union, fields=PAGE)
    assert second.slug == f"{first.slug}-2"


def test_resource_create_outside_the_authors_scope_is_refused(region_staff, union):
    with pytest.raises(ResourceNotAllowedError):
        resource_create(actor=region_staff, owner_unit=union, fields=PAGE)


def test_resource_create_link_without_a_web_address_is_refused(staff, union):
    with pytest.raises(ResourceIncompleteError):
        resource_create(actor=staff, owner_unit=union, fields={**PAGE, "kind": ResourceKind.LINK})


def test_body_sanitise_strips_scripts_and_event_attributes():
    dirty = (
        '<p onclick="steal()">Hi<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)" onmouseover="x()">bad</a>'
        '<img src="x" onerror="alert(1)"><h2 style="color:red">Title</h2>'
    )
    clean = body_sanitise(dirty)
    assert "<script" not in clean
    assert "alert" not in clean
    assert "onclick" not in clean
    assert "onmouseover" not in clean
    assert "onerror" not in clean
    assert "style=" not in clean
    assert "<p>Hi</p>" in clean
    assert "<h2>Title</h2>" in clean


def test_resource_create_stores_a_sanitised_body(staff, union):
    fields = {**PAGE, "body": '<p onload="x()">Safe</p><script>alert(1)</script>'}
    resource = resource_create(actor=staff, owner_unit=union, fields=fields)
    assert resource.body == "<p>Safe</p>"


def test_resource_update_sanitises_and_audits_field_names(staff, union):
    resource = ResourceFactory(owner_unit=union)
    changed = resource_update(
        actor=staff, resource=resource, fields={"body": "<p>New<script>x</script></p>"}
    )
    resource.refresh_from_db()
    assert changed == ["body"]
    assert resource.body == "<p>New</p>"
    event = AuditEvent.objects.get(action="learning.resource.changed")
    assert event.changes == ["body"]


def test_resource_publish_and_unpublish(staff, union):
    resource = ResourceFactory(owner_unit=union, draft=True)

    resource_publish(actor=staff, resource=resource)
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.PUBLISHED
    assert resource.published_at is not None

    resource_unpublish(actor=staff, resource=resource)
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.DRAFT
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"learning.resource.published", "learning.resource.unpublished"} <= actions


def test_demo_catalogue_builds_published_resources_in_both_languages(union):
    from commonplace.demo.services import DemoContext, step_learning
    from commonplace.learning.models import Resource

    step_learning(DemoContext(branches=1, members=1, report=lambda _msg: None, union=union))

    resources = Resource.objects.filter(owner_unit=union, status=ResourceStatus.PUBLISHED)
    assert resources.count() >= 12
    assert resources.filter(language="cy").count() >= 2
    assert set(resources.values_list("kind", flat=True)) >= {"page", "link"}
