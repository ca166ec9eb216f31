"""Catalogue tiles for the quizzes and project briefs already published (decision 0250).

From now on `assessment.services` keeps each tile in step; this gives existing installations
the tiles of what they published before. The rules are frozen here, as a migration's must be:
the same values `quiz_tile_sync` and `project_tile_sync` give a new tile (two minutes a
question, at least five; two hours for a brief; beginner, members, English). Not audited: no
one acts, and the tiles show what was already published. Running it again adds nothing.
"""

from django.db import migrations
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

RESERVED_SLUGS = {"new", "proposals"}


def _slug_for(resources, title):
    base = slugify(title)[:200] or "resource"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or resources.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _tile(resources, *, source, kind, owner, summary, url, minutes):
    summary = " ".join(strip_tags(summary or "").split()) or owner.title
    resources.objects.create(
        source=source,
        kind=kind,
        title=owner.title[:200],
        slug=_slug_for(resources, owner.title),
        summary=Truncator(summary).chars(300),
        url=url,
        owner_unit_id=owner.owner_unit_id,
        duration_minutes=minutes,
        level="beginner",
        audiences=["members"],
        language="en",
        status="published",
        published_at=timezone.now(),
    )


def tiles_create(apps):
    """Make the missing tile of every published quiz and brief; returns how many were made."""
    Quiz = apps.get_model("assessment", "Quiz")
    Question = apps.get_model("assessment", "Question")
    ProjectBrief = apps.get_model("assessment", "ProjectBrief")
    Resource = apps.get_model("learning", "Resource")
    made = 0
    for quiz in Quiz.objects.filter(status="published").order_by("pk"):
        source = f"assessment.quiz:{quiz.pk}"
        if not Resource.objects.filter(source=source).exists():
            questions = Question.objects.filter(quiz_id=quiz.pk).count()
            _tile(
                Resource, source=source, kind="quiz", owner=quiz, summary=quiz.introduction,
                url=f"/quizzes/{quiz.slug}/", minutes=max(5, 2 * questions),
            )  # fmt: skip
            made += 1
    for brief in ProjectBrief.objects.filter(status="published").order_by("pk"):
        source = f"assessment.projectbrief:{brief.pk}"
        if not Resource.objects.filter(source=source).exists():
            _tile(
                Resource, source=source, kind="project", owner=brief, summary=brief.summary,
                url=f"/projects/{brief.slug}/", minutes=120,
            )  # fmt: skip
            made += 1
    return made


def forwards(apps, schema_editor):
    tiles_create(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0003_projects"),
        ("learning", "0003_resource_tiles"),
    ]

    operations = [
        # Backwards keeps the tiles: pathway steps may point at them by then.
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
