"""Writes of quizzes: starting and submitting an attempt, with its xAPI statements.
Writes of assessed projects: briefs, submissions (with files and versions) and markings.

Submitting checks every answer on the server against its question's kind; when one is
refused nothing is saved, so the page can show the learner's answers back with the errors.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext, gettext_lazy

from commonplace.access.enums import Role
from commonplace.access.selectors import grants_active_for, may, may_at, users_holding
from commonplace.audit.services import audit_record
from commonplace.core.site import site_url
from commonplace.learning.enums import ResourceKind
from commonplace.learning.services import body_sanitise, resource_tile_remove, resource_tile_sync
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors.people import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record
from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.services import notification_send
from commonplace.people.selectors import person_of_user

from .enums import (
    FEEDBACK_MAX_CHARS,
    INTERACTION_TYPE,
    PROJECT_FILES_MAX,
    PROJECT_TEXT_MAX_CHARS,
    PROJECT_TILE_MINUTES,
    QUIZ_TILE_MINUTES_AT_LEAST,
    QUIZ_TILE_MINUTES_PER_QUESTION,
    AssessmentAuditAction,
    MarkingOutcome,
    ProjectAuditAction,
    ProjectStatus,
    QuestionKind,
    QuizStatus,
    SubmissionStatus,
)
from .errors import (
    AnswersInvalidError,
    AttemptAlreadySubmittedError,
    AttemptsUsedUpError,
    MarkingNotAllowedError,
    MarksInvalidError,
    ProjectNotOpenError,
    QuestionAnsweredError,
    QuestionInvalidError,
    QuizNotAllowedError,
    QuizNotPublishedError,
    QuizNotReadyError,
    SubmissionAlreadyMarkedError,
    SubmissionInvalidError,
    SubmissionNotAllowedError,
)
from .marking import (
    ChoiceSpec,
    ResponseInvalid,
    correct_pattern,
    question_problems,
    response_clean,
    response_correct,
    response_xapi,
)
from .models import (
    Answer,
    Attempt,
    Choice,
    Criterion,
    CriterionScore,
    Marking,
    ProjectBrief,
    Question,
    Quiz,
    Submission,
    SubmissionFile,
    validate_project_file,
)
from .selectors import attempt_open, project_criteria, quiz_questions, submission_latest

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


def quiz_activity_id(quiz: Quiz) -> str:
    """The xAPI activity id (IRI) of a quiz: its page on this site."""
    return site_url(f"/quizzes/{quiz.slug}/")


def question_activity_id(question: Question, quiz: Quiz) -> str:
    return f"{quiz_activity_id(quiz)}questions/{question.pk}"


@transaction.atomic
def attempt_start(*, actor: User, quiz: Quiz, shuffle: random.Random | None = None) -> Attempt:
    """Start an attempt at a published quiz, or return the one the person left unsubmitted.

    The questions' order is fixed now (shuffled when the quiz asks for it) and kept on the
    attempt, so the page and the marking agree however often it is shown.
    Effects: writes Attempt; audit `assessment.attempt.started`.
    Raises: QuizNotPublishedError; AttemptsUsedUpError when the attempts limit is reached.
    """
    quiz = Quiz.objects.select_for_update().get(pk=quiz.pk)  # one start at a time per quiz
    if quiz.status != QuizStatus.PUBLISHED:
        raise QuizNotPublishedError()
    if (current := attempt_open(user=actor, quiz=quiz)) is not None:
        return current
    used = Attempt.objects.filter(quiz=quiz, user=actor).count()
    if quiz.attempts_limit and used >= quiz.attempts_limit:
        raise AttemptsUsedUpError()
    order = list(
        Question.objects.filter(quiz=quiz).order_by("order", "pk").values_list("pk", flat=True)
    )
    if quiz.shuffle_questions:
        (shuffle or random.SystemRandom()).shuffle(order)
    attempt = Attempt.objects.create(
        quiz=quiz, user=actor, question_order=order, max_score=len(order)
    )
    audit_record(actor=actor, action=AssessmentAuditAction.ATTEMPT_STARTED, subject=attempt)
    return attempt


def _responses_check(questions: list[Question], responses: dict[int, Any]) -> dict[int, Any]:
    """Clean every response; raises AnswersInvalidError naming each refused question."""
    cleaned: dict[int, Any] = {}
    errors: dict[int, str] = {}
    for question in questions:
        choices = list(question.choices.all())
        try:
            cleaned[question.pk] = response_clean(question, choices, responses.get(question.pk))
        except ResponseInvalid as error:
            errors[question.pk] = str(error)
    if errors:
        raise AnswersInvalidError(errors)
    return cleaned


@transaction.atomic
def attempt_submit(*, actor: User, attempt: Attempt, responses: dict[int, Any]) -> Attempt:
    """Check, mark and record an attempt's answers (`responses`: question id → response).

    One mark per question, all or nothing; passed when the percentage reaches the pass mark.
    Effects: writes Answer (one per question) and Attempt's score; audit
    `assessment.attempt.submitted`; xAPI: one `answered` statement per question, then
    `passed` or `failed` for the quiz, all with the attempt's registration.
    Raises: AttemptAlreadySubmittedError; AnswersInvalidError (nothing is saved).
    """
    attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        raise AttemptAlreadySubmittedError()
    if attempt.user_id != actor.pk:
        raise ValueError("only the person taking an attempt submits it")
    quiz = attempt.quiz
    questions = quiz_questions(quiz=quiz, order=attempt.question_order)
    cleaned = _responses_check(questions, responses)
    answers = []
    for question in questions:
        choices = list(question.choices.all())
        correct = response_correct(question, choices, cleaned[question.pk])
        answers.append(
            Answer(
                attempt=attempt, question=question, response=cleaned[question.pk], correct=correct
            )
        )
    Answer.objects.bulk_create(answers)
    attempt.score = sum(1 for answer in answers if answer.correct)
    attempt.max_score = len(questions)
    attempt.passed = 100 * attempt.score >= quiz.pass_mark * attempt.max_score
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["score", "max_score", "passed", "submitted_at"])
    audit_record(
        actor=actor,
        action=AssessmentAuditAction.ATTEMPT_SUBMITTED,
        subject=attempt,
        changes=["score", "passed"],
    )
    _statements_record(attempt=attempt, questions=questions, answers=answers, actor=actor)
    return attempt


def _interaction(question: Question, choices: list[Choice]) -> dict[str, Any]:
    """The cmi.interaction definition of a question: its type, right answer and components."""
    definition: dict[str, Any] = {
        "interactionType": INTERACTION_TYPE[QuestionKind(question.kind)],
        "correctResponsesPattern": correct_pattern(question, choices),
    }
    items = [{"id": f"c{c.pk}", "description": {"en": c.text}} for c in choices]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.ORDERING):
        definition["choices"] = items
    elif question.kind == QuestionKind.MATCHING:
        definition["source"] = items
        definition["target"] = [
            {"id": f"c{c.pk}", "description": {"en": c.match_text}} for c in choices
        ]
    return definition


def _statements_record(
    *, attempt: Attempt, questions: list[Question], answers: list[Answer], actor: User
) -> None:
    quiz = attempt.quiz
    agent = statements_actor_for_user(actor)
    quiz_id = quiz_activity_id(quiz)
    context = {
        "registration": str(attempt.registration),
        "contextActivities": {
            "parent": [
                {
                    "objectType": "Activity",
                    "id": quiz_id,
                    "definition": {
                        "type": vocabulary.ActivityType.ASSESSMENT,
                        "name": {"en": quiz.title},
                    },
                }
            ]
        },
    }
    for question, answer in zip(questions, answers, strict=True):
        choices = list(question.choices.all())
        statement_record(
            actor=agent,
            verb=vocabulary.ANSWERED,
            activity_id=question_activity_id(question, quiz),
            activity_type=vocabulary.ActivityType.QUESTION,
            activity_name={"en": question.text[:500]},
            definition=_interaction(question, choices),
            result={
                "success": answer.correct,
                "response": response_xapi(question, choices, answer.response),
            },
            context=context,
        )
    score, top = attempt.score or 0, attempt.max_score
    statement_record(
        actor=agent,
        verb=vocabulary.PASSED if attempt.passed else vocabulary.FAILED,
        activity_id=quiz_id,
        activity_type=vocabulary.ActivityType.ASSESSMENT,
        activity_name={"en": quiz.title},
        result={
            "score": {
                "scaled": round(score / top, 4) if top else 0,
                "raw": score,
                "min": 0,
                "max": top,
            },
            "success": bool(attempt.passed),
            "completion": True,
        },
        context=context,
    )


# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------
# Staff and administrators create quizzes at their place and below, write questions of every
# kind, put them in order and publish. Every question is checked with
# `marking.question_problems`, here and in the form; publishing re-checks them all.

QUIZ_FIELDS = {"title", "introduction", "pass_mark", "attempts_limit", "shuffle_questions"}


def _quiz_slug_for(title: str) -> str:
    base = slugify(title)[:90] or "quiz"
    slug, n = base, 1
    while slug in RESERVED_QUIZ_SLUGS or Quiz.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


RESERVED_QUIZ_SLUGS = {"my-attempts", "attempts", "manage"}


@transaction.atomic
def quiz_create(*, actor: User, owner_unit: OrgUnit, fields: dict[str, Any]) -> Quiz:
    """Add a draft quiz owned by `owner_unit`.

    Effects: writes Quiz (unique slug); audit `assessment.quiz.created`.
    Raises: QuizNotAllowedError (a unit outside the actor's scope); ValueError on unknown fields.
    """
    if unknown := set(fields) - QUIZ_FIELDS:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not may_at(user=actor, kind="assessment.quiz", action="add", unit_path=owner_unit.path):
        raise QuizNotAllowedError()
    quiz = Quiz(**fields, owner_unit=owner_unit, status=QuizStatus.DRAFT)
    quiz.slug = _quiz_slug_for(quiz.title)
    quiz.save()
    audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_CREATED, subject=quiz)
    return quiz


@transaction.atomic
def quiz_update(*, actor: User, quiz: Quiz, fields: dict[str, Any]) -> list[str]:
    """Change a quiz's settings; returns the changed field names.

    Effects: writes Quiz; audit `assessment.quiz.changed` (field names only); its catalogue
    tile follows (`quiz_tile_sync`).
    Raises: ValueError on unknown fields.
    """
    if unknown := set(fields) - QUIZ_FIELDS:
        raise ValueError(f"not editable: {sorted(unknown)}")
    current = Quiz.objects.select_for_update().get(pk=quiz.pk)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    for name in changed:
        setattr(current, name, fields[name])
    if changed:
        current.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor, action=AssessmentAuditAction.QUIZ_CHANGED, subject=current,
            changes=changed,
        )  # fmt: skip
        quiz_tile_sync(actor=actor, quiz=current)
    return changed


def _question_check(
    *,
    kind: str,
    text: str,
    answer_true: bool | None,
    accepted_answers: list[str],
    choices: list[ChoiceSpec],
) -> None:
    problems = question_problems(
        kind=kind,
        text=text,
        answer_true=answer_true,
        accepted_answers=accepted_answers,
        choices=choices,
    )
    if problems:
        raise QuestionInvalidError(problems[0][1])


def _choices_write(question: Question, specs: list[ChoiceSpec]) -> None:
    """Make the question's choices exactly `specs`: change the rows that exist, add new ones,
    delete the rest. Ordering items are written in the right order and shown rotated by one,
    so the page never shows the answer."""
    rows = [spec for spec in specs if spec.text.strip()]
    existing = {c.pk: c for c in Choice.objects.filter(question=question)}
    kept: list[Choice] = []
    count = len(rows)
    for index, spec in enumerate(rows):
        choice = existing.pop(spec.pk, None) if spec.pk else None
        choice = choice or Choice(question=question)
        choice.text = spec.text.strip()
        choice.feedback = spec.feedback.strip()
        choice.is_correct = spec.is_correct and question.kind in (
            QuestionKind.SINGLE,
            QuestionKind.MULTIPLE,
        )
        matching = question.kind == QuestionKind.MATCHING
        choice.match_text = spec.match_text.strip() if matching else ""
        if question.kind == QuestionKind.ORDERING:
            choice.position = index + 1
            choice.order = (index + 1) % count
        else:
            choice.position = None
            choice.order = index
        kept.append(choice)
    Choice.objects.filter(pk__in=list(existing)).delete()
    for choice in kept:
        choice.save()


@transaction.atomic
def question_save(
    *,
    actor: User,
    quiz: Quiz,
    question: Question | None = None,
    kind: str,
    text: str,
    explanation: str = "",
    answer_true: bool | None = None,
    accepted_answers: list[str] | None = None,
    choices: list[ChoiceSpec] | None = None,
) -> Question:
    """Add a question at the end of `quiz`, or change `question`, with its choices.

    Effects: writes Question and its Choices; audit `assessment.question.added` or
    `assessment.question.changed`.
    Raises: QuestionInvalidError when it could not be answered correctly as written.
    """
    accepted = [a.strip() for a in (accepted_answers or []) if a.strip()]
    specs = choices or []
    uses_choices = kind not in (QuestionKind.TRUE_FALSE, QuestionKind.SHORT_TEXT)
    if not uses_choices:
        specs = []
    _question_check(
        kind=kind, text=text, answer_true=answer_true, accepted_answers=accepted, choices=specs
    )
    if question is None:
        last = Question.objects.filter(quiz=quiz).order_by("-order").first()
        question = Question(quiz=quiz, order=(last.order + 1) if last else 1)
        action = AssessmentAuditAction.QUESTION_ADDED
    else:
        question = Question.objects.select_for_update().get(pk=question.pk, quiz=quiz)
        action = AssessmentAuditAction.QUESTION_CHANGED
    question.kind = kind
    question.text = text.strip()
    question.explanation = explanation.strip()
    question.answer_true = answer_true if kind == QuestionKind.TRUE_FALSE else None
    question.accepted_answers = accepted if kind == QuestionKind.SHORT_TEXT else []
    question.save()
    _choices_write(question, specs)
    audit_record(actor=actor, action=action, subject=question)
    return question


@transaction.atomic
def question_remove(*, actor: User, question: Question) -> None:
    """Remove a question nobody has answered yet.

    Effects: deletes Question and its Choices; audit `assessment.question.removed`.
    Raises: QuestionAnsweredError when an attempt has answered it.
    """
    if Answer.objects.filter(question=question).exists():
        raise QuestionAnsweredError()
    audit_record(actor=actor, action=AssessmentAuditAction.QUESTION_REMOVED, subject=question)
    question.delete()


@transaction.atomic
def question_move(*, actor: User, question: Question, step: int) -> None:
    """Move a question one place up (`step=-1`) or down (`step=1`) in its quiz.

    Effects: writes Question.order of the quiz's questions (numbered 1, 2, ...); audit
    `assessment.question.moved`. Moving past either end changes nothing.
    """
    siblings = Question.objects.select_for_update().filter(quiz_id=question.quiz_id)
    questions = list(siblings.order_by("order", "pk"))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(questions):
        return
    questions[index], questions[target] = questions[target], questions[index]
    for number, item in enumerate(questions, start=1):
        item.order = number
    Question.objects.bulk_update(questions, ["order"])
    audit_record(actor=actor, action=AssessmentAuditAction.QUESTION_MOVED, subject=question)


@transaction.atomic
def quiz_publish(*, actor: User | None, quiz: Quiz) -> Quiz:
    """Publish a quiz: everyone in its union may take it, and find it in the catalogue, from now
    on (actor None: the demo builder).

    Effects: writes Quiz.status; audit `assessment.quiz.published`; its catalogue tile is made
    or published and brought up to date (`quiz_tile_sync`).
    Raises: QuizNotReadyError (no questions); QuestionInvalidError naming the first question
    that cannot be answered correctly.
    """
    current = Quiz.objects.select_for_update().get(pk=quiz.pk)
    questions = quiz_questions(quiz=current)
    if not questions:
        raise QuizNotReadyError()
    for number, question in enumerate(questions, start=1):
        specs = [
            ChoiceSpec(text=c.text, is_correct=c.is_correct, match_text=c.match_text)
            for c in question.choices.all()
        ]
        problems = question_problems(
            kind=question.kind,
            text=question.text,
            answer_true=question.answer_true,
            accepted_answers=[str(a) for a in question.accepted_answers],
            choices=specs,
        )
        if problems:
            raise QuestionInvalidError(
                gettext("Question %(number)s: %(problem)s")
                % {"number": number, "problem": problems[0][1]}
            )
    if current.status != QuizStatus.PUBLISHED:
        current.status = QuizStatus.PUBLISHED
        current.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_PUBLISHED, subject=current)
    quiz_tile_sync(actor=actor, quiz=current)
    return current


@transaction.atomic
def quiz_unpublish(*, actor: User | None, quiz: Quiz) -> Quiz:
    """Take a quiz back to draft: nobody can start it; attempts already made are kept.

    Effects: writes Quiz.status; audit `assessment.quiz.unpublished`; its catalogue tile goes
    back to draft (`quiz_tile_sync`).
    """
    current = Quiz.objects.select_for_update().get(pk=quiz.pk)
    if current.status != QuizStatus.DRAFT:
        current.status = QuizStatus.DRAFT
        current.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_UNPUBLISHED, subject=current)
    quiz_tile_sync(actor=actor, quiz=current)
    return current


def quiz_saved(*, actor: User | None, quiz: Quiz, created: bool) -> None:
    """After Django admin saved a quiz (its repairs): audit the change, and keep its catalogue
    tile in step.

    Effects: audit `assessment.quiz.created` or `.changed`; `quiz_tile_sync`.
    """
    action = AssessmentAuditAction.QUIZ_CREATED if created else AssessmentAuditAction.QUIZ_CHANGED
    audit_record(actor=actor, action=action, subject=quiz)
    quiz_tile_sync(actor=actor, quiz=quiz)


@transaction.atomic
def quiz_delete(*, actor: User | None, quiz: Quiz) -> None:
    """Delete a quiz nobody has attempted (Django admin), and take its tile out of the
    catalogue.

    Effects: deletes Quiz with its questions and choices; audit `assessment.quiz.deleted`;
    `learning.services.resource_tile_remove`.
    Raises: ProtectedError when it has attempts (admin refuses before asking).
    """
    audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_DELETED, subject=quiz)
    resource_tile_remove(actor=actor, source=quiz_tile_source(quiz))
    quiz.delete()


# --- Catalogue tiles (decision 0250) -----------------------------------------------------------
# Every quiz and brief published at least once has a tile in the learning catalogue; the
# services above call these in their own transaction, so a draft is never shown there.


def quiz_tile_source(quiz: Quiz) -> str:
    """The identity the catalogue knows a quiz's tile by (`learning.Resource.source`)."""
    return f"assessment.quiz:{quiz.pk}"


def project_tile_source(brief: ProjectBrief) -> str:
    """The identity the catalogue knows a brief's tile by (`learning.Resource.source`)."""
    return f"assessment.projectbrief:{brief.pk}"


def quiz_tile_minutes(question_count: int) -> int:
    """How long the catalogue says a quiz takes (decision 0250)."""
    return max(QUIZ_TILE_MINUTES_AT_LEAST, QUIZ_TILE_MINUTES_PER_QUESTION * question_count)


def quiz_tile_sync(*, actor: User | None, quiz: Quiz) -> None:
    """Bring the quiz's catalogue tile in step with it (made on its first publication).

    Effects: `learning.services.resource_tile_sync` (writes learning.Resource, audited there).
    """
    resource_tile_sync(
        actor=actor,
        source=quiz_tile_source(quiz),
        kind=ResourceKind.QUIZ,
        owner_unit=quiz.owner_unit,
        title=quiz.title,
        summary=quiz.introduction,
        url=reverse("assessment:quiz-detail", args=[quiz.slug]),
        published=quiz.status == QuizStatus.PUBLISHED,
        duration_minutes=quiz_tile_minutes(Question.objects.filter(quiz=quiz).count()),
    )


def project_tile_sync(*, actor: User | None, brief: ProjectBrief) -> None:
    """Bring the brief's catalogue tile in step with it (made on its first publication).

    Effects: `learning.services.resource_tile_sync` (writes learning.Resource, audited there).
    """
    resource_tile_sync(
        actor=actor,
        source=project_tile_source(brief),
        kind=ResourceKind.PROJECT,
        owner_unit=brief.owner_unit,
        title=brief.title,
        summary=brief.summary,
        url=reverse("assessment:project-detail", args=[brief.slug]),
        published=brief.status == ProjectStatus.PUBLISHED,
        duration_minutes=PROJECT_TILE_MINUTES,
    )


# --- Assessed projects -------------------------------------------------------------------------


def project_activity_id(brief: ProjectBrief) -> str:
    """The xAPI activity id (IRI) of a project brief: its page on this site.

    Pathways complete a project step on a `passed` statement about this IRI."""
    return site_url(f"/projects/{brief.slug}/")


@transaction.atomic
def project_brief_create(
    *,
    actor: User | None,
    owner_unit: OrgUnit,
    title: str,
    slug: str,
    summary: str,
    brief: str,
    criteria: list[dict[str, Any]],
    pass_mark: int = 50,
    accepted_file_types: list[str] | None = None,
    publish: bool = False,
) -> ProjectBrief:
    """Add a project brief with its rubric (`criteria`: title, description, max_points,
    levels). Staff author briefs in Django admin for now; this is for the demo and tests.

    Effects: writes ProjectBrief (brief sanitised) and its Criterion rows; audit
    `assessment.projectbrief.created`; a published one gets its catalogue tile
    (`project_tile_sync`).
    Raises: ValueError for a rubric without criteria or a pass mark above 100.
    """
    if not criteria or not 0 <= pass_mark <= 100:
        raise ValueError("a brief needs criteria and a pass mark from 0 to 100")
    project = ProjectBrief.objects.create(
        owner_unit=owner_unit,
        title=title,
        slug=slug,
        summary=summary,
        brief=body_sanitise(brief),
        pass_mark=pass_mark,
        accepted_file_types=accepted_file_types or [".pdf", ".docx", ".odt"],
        status=ProjectStatus.PUBLISHED if publish else ProjectStatus.DRAFT,
    )
    Criterion.objects.bulk_create(
        [
            Criterion(
                brief=project,
                order=number,
                title=spec["title"],
                description=spec["description"],
                max_points=spec.get("max_points", 4),
                levels=spec.get("levels", ""),
            )
            for number, spec in enumerate(criteria, start=1)
        ]
    )
    audit_record(actor=actor, action=ProjectAuditAction.BRIEF_CREATED, subject=project)
    project_tile_sync(actor=actor, brief=project)
    return project


@transaction.atomic
def project_brief_saved(*, actor: User | None, brief: ProjectBrief, created: bool) -> None:
    """After Django admin saved a brief: sanitise its text, audit the change and keep its
    catalogue tile in step (published, unpublished, retitled).

    Effects: writes ProjectBrief.brief (sanitised); audit `assessment.projectbrief.created`
    or `.changed`; `project_tile_sync`.
    """
    clean = body_sanitise(brief.brief)
    if clean != brief.brief:
        brief.brief = clean
        brief.save(update_fields=["brief", "updated_at"])
    action = ProjectAuditAction.BRIEF_CREATED if created else ProjectAuditAction.BRIEF_CHANGED
    audit_record(actor=actor, action=action, subject=brief)
    project_tile_sync(actor=actor, brief=brief)


@transaction.atomic
def project_brief_delete(*, actor: User | None, brief: ProjectBrief) -> None:
    """Delete a brief nobody has submitted work to (Django admin), and take its tile out of
    the catalogue.

    Effects: deletes ProjectBrief with its criteria; audit `assessment.projectbrief.deleted`;
    `learning.services.resource_tile_remove`.
    Raises: ProtectedError when it has submissions (admin refuses before asking).
    """
    audit_record(actor=actor, action=ProjectAuditAction.BRIEF_DELETED, subject=brief)
    resource_tile_remove(actor=actor, source=project_tile_source(brief))
    brief.delete()


def _learner_unit(user: User) -> OrgUnit | None:
    """Where the learner is now: their profile's home unit, else the place of a grant."""
    person = person_of_user(user=user)
    if person is not None and person.home_unit_id is not None:
        return person.home_unit  # type: ignore[no-any-return]
    units = [grant.unit for grant in grants_active_for(user=user) if grant.unit is not None]
    return max(units, key=lambda unit: unit.depth, default=None)


def submission_files_check(*, brief: ProjectBrief, files: list[UploadedFile]) -> list[str]:
    """Messages for the files the brief will not take (kind, size, content); [] when fine."""
    errors: list[str] = []
    if len(files) > PROJECT_FILES_MAX:
        errors.append(
            str(format_lazy(gettext_lazy("Attach at most {count} files."), count=PROJECT_FILES_MAX))
        )
    accepted = {kind.lower() for kind in brief.accepted_file_types}
    for upload in files:
        name = upload.name or ""
        suffix = name[name.rfind(".") :].lower() if "." in name else ""
        if suffix not in accepted:
            errors.append(
                str(
                    format_lazy(
                        gettext_lazy("“{name}” is not a kind of file this project accepts."),
                        name=name,
                    )
                )
            )
            continue
        try:
            validate_project_file(upload)
        except ValidationError as error:
            errors.extend(error.messages)
    return errors


@transaction.atomic
def submission_submit(
    *, actor: User, brief: ProjectBrief, text: str, files: list[UploadedFile]
) -> Submission:
    """Submit work on a published brief: the first version, or the next one after an
    assessor asked for a resubmission (earlier versions are kept as they were).

    Effects: writes Submission (placed at the learner's unit now) and its SubmissionFile rows
    (files stored under random names); audit `assessment.submission.submitted`; xAPI
    `submitted` (activitystrea.ms) about `project_activity_id(brief)` with the version's
    registration; a notification to each assessor whose place covers the learner's unit.
    Raises: ProjectNotOpenError (a draft, or a learner with no place in the union);
    SubmissionNotAllowedError (work waiting, passed or not passed); SubmissionInvalidError
    (no text and no file, text too long, a file refused).
    """
    brief = ProjectBrief.objects.select_for_update().get(pk=brief.pk)  # one version at a time
    if brief.status != ProjectStatus.PUBLISHED:
        raise ProjectNotOpenError()
    unit = _learner_unit(actor)
    if unit is None:
        raise ProjectNotOpenError()
    latest = submission_latest(user=actor, brief=brief)
    if latest is not None and latest.status != SubmissionStatus.RESUBMISSION_REQUESTED:
        raise SubmissionNotAllowedError()
    text = (text or "").strip()
    if not text and not files:
        raise SubmissionInvalidError()
    if len(text) > PROJECT_TEXT_MAX_CHARS:
        raise SubmissionInvalidError(
            str(
                format_lazy(
                    gettext_lazy("Keep what you write to {count} characters."),
                    count=PROJECT_TEXT_MAX_CHARS,
                )
            )
        )
    if errors := submission_files_check(brief=brief, files=files):
        raise SubmissionInvalidError(" ".join(errors))
    submission = Submission.objects.create(
        brief=brief,
        user=actor,
        unit=unit,
        version=(latest.version + 1) if latest is not None else 1,
        text=text,
    )
    stored: list[SubmissionFile] = []
    try:
        stored.extend(  # one by one, so a failure part-way still finds the earlier files
            SubmissionFile.objects.create(
                submission=submission,
                file=upload,
                name=(upload.name or "file")[-200:],
                size=upload.size or 0,
            )
            for upload in files
        )
        audit_record(
            actor=actor, action=ProjectAuditAction.SUBMISSION_SUBMITTED, subject=submission
        )
        statement_record(
            actor=statements_actor_for_user(actor),
            verb=vocabulary.SUBMITTED,
            activity_id=project_activity_id(brief),
            activity_type=vocabulary.ActivityType.PROJECT,
            activity_name={"en": brief.title},
            context={"registration": str(submission.registration)},
        )
        _assessors_notify(submission=submission)
    except BaseException:
        # The rows roll back with the transaction; the files already written would not.
        for row in stored:
            row.file.delete(save=False)
        raise
    return submission


def _assessors_notify(*, submission: Submission) -> None:
    """Tell the assessors whose place covers the learner's unit that work is waiting (never
    the learner themself, should they be an assessor too)."""
    title = format_lazy(gettext_lazy("New work to mark: “{title}”"), title=submission.brief.title)
    url = reverse("assessment:submission-mark", args=[submission.pk])
    for assessor in users_holding(role=Role.ASSESSOR, unit_path=submission.unit.path):
        if assessor.pk != submission.user_id:
            notification_send(
                recipient=assessor,  # type: ignore[arg-type]
                kind=NotificationKind.PROJECT_SUBMITTED,
                title=title,
                url=url,
            )


def _scores_check(
    criteria: list[Criterion], scores: dict[int, tuple[str, str]]
) -> dict[int, tuple[int, str]]:
    """Each criterion's points (a whole number from 0 to its maximum) and comment.

    Raises: MarksInvalidError naming every refused criterion."""
    cleaned: dict[int, tuple[int, str]] = {}
    errors: dict[int, str] = {}
    for criterion in criteria:
        raw, comment = scores.get(criterion.pk, ("", ""))
        raw = str(raw).strip()
        top = criterion.max_points
        message = format_lazy(
            gettext_lazy("Give a whole number of points from 0 to {top}."), top=top
        )
        if not raw.isdigit() or int(raw) > top:
            errors[criterion.pk] = str(message)
            continue
        if len(comment) > FEEDBACK_MAX_CHARS:
            errors[criterion.pk] = str(
                format_lazy(
                    gettext_lazy("Keep the comment to {count} characters."),
                    count=FEEDBACK_MAX_CHARS,
                )
            )
            continue
        cleaned[criterion.pk] = (int(raw), comment.strip())
    if errors:
        raise MarksInvalidError(errors)
    return cleaned


@transaction.atomic
def submission_mark(
    *,
    actor: User,
    submission: Submission,
    scores: dict[int, tuple[str, str]],
    feedback: str,
    outcome: str,
) -> Marking:
    """Mark a waiting submission against its brief's rubric (`scores`: criterion id → (points
    as typed, comment)) and decide: pass, not pass, or ask for a resubmission.

    Effects: writes Marking and one CriterionScore per criterion, Submission.status; audit
    `assessment.submission.marked`; xAPI `passed` or `failed` (a resubmission request is a
    `failed` for this version) about `project_activity_id(brief)` with `result.score` (scaled,
    raw, min, max) and `result.success`, actor the learner; a notification to the learner.
    Raises: MarkingNotAllowedError (one's own work, or outside the actor's scope);
    SubmissionAlreadyMarkedError; MarksInvalidError (nothing is saved).
    """
    submission = (
        Submission.objects.select_for_update().select_related("brief", "user").get(pk=submission.pk)
    )
    if submission.user_id == actor.pk or not may(
        user=actor, kind="assessment.submission", action="mark", obj=submission
    ):
        raise MarkingNotAllowedError()
    if submission.status != SubmissionStatus.SUBMITTED:
        raise SubmissionAlreadyMarkedError()
    brief = submission.brief
    criteria = project_criteria(brief=brief)
    cleaned = _scores_check(criteria, scores)
    errors: dict[int, str] = {}
    feedback = (feedback or "").strip()
    if not feedback:
        errors[0] = str(gettext_lazy("Write feedback for the learner."))
    elif len(feedback) > FEEDBACK_MAX_CHARS:
        errors[0] = str(gettext_lazy("Keep the feedback to 5,000 characters."))
    if outcome not in MarkingOutcome.values:
        errors[-1] = str(gettext_lazy("Choose an outcome."))
    score = sum(points for points, _comment in cleaned.values())
    top = sum(criterion.max_points for criterion in criteria)
    if outcome == MarkingOutcome.PASSED and 100 * score < brief.pass_mark * top:
        errors[-1] = str(
            format_lazy(
                gettext_lazy(
                    "The points ({score} out of {top}) are below the pass mark of "
                    "{mark}%: choose another outcome or check the points."
                ),
                score=score,
                top=top,
                mark=brief.pass_mark,
            )
        )
    if errors:
        raise MarksInvalidError(errors)
    marking = Marking.objects.create(
        submission=submission,
        assessor=actor,
        outcome=outcome,
        feedback=feedback,
        score=score,
        max_score=top,
    )
    CriterionScore.objects.bulk_create(
        [
            CriterionScore(
                marking=marking,
                criterion=criterion,
                points=cleaned[criterion.pk][0],
                comment=cleaned[criterion.pk][1],
            )
            for criterion in criteria
        ]
    )
    submission.status = {
        MarkingOutcome.PASSED: SubmissionStatus.PASSED,
        MarkingOutcome.NOT_PASSED: SubmissionStatus.NOT_PASSED,
        MarkingOutcome.RESUBMIT: SubmissionStatus.RESUBMISSION_REQUESTED,
    }[MarkingOutcome(outcome)]
    submission.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=ProjectAuditAction.SUBMISSION_MARKED,
        subject=submission,
        changes=["status", "marking"],
    )
    _marking_statement(submission=submission, marking=marking)
    _marking_notify(submission=submission, marking=marking)
    return marking


def _marking_statement(*, submission: Submission, marking: Marking) -> None:
    passed = marking.outcome == MarkingOutcome.PASSED
    top = marking.max_score
    statement_record(
        actor=statements_actor_for_user(submission.user),
        verb=vocabulary.PASSED if passed else vocabulary.FAILED,
        activity_id=project_activity_id(submission.brief),
        activity_type=vocabulary.ActivityType.PROJECT,
        activity_name={"en": submission.brief.title},
        result={
            "score": {
                "scaled": round(marking.score / top, 4) if top else 0,
                "raw": marking.score,
                "min": 0,
                "max": top,
            },
            "success": passed,
            "completion": True,
        },
        context={"registration": str(submission.registration)},
    )


def _marking_notify(*, submission: Submission, marking: Marking) -> None:
    url = reverse("assessment:submission-detail", args=[submission.pk])
    title: str | Promise
    body: str | Promise
    if marking.outcome == MarkingOutcome.RESUBMIT:
        kind = NotificationKind.PROJECT_RESUBMIT
        title = format_lazy(
            gettext_lazy("Please resubmit your project “{title}”"), title=submission.brief.title
        )
        body = gettext_lazy(
            "Your assessor has read your work and asks you to improve it and submit it again. "
            "Their feedback says what to change."
        )
    else:
        kind = NotificationKind.PROJECT_MARKED
        title = format_lazy(
            gettext_lazy("Your project “{title}” has been marked"), title=submission.brief.title
        )
        body = format_lazy(
            gettext_lazy("Result: {outcome}. Read your assessor's feedback."),
            outcome=SubmissionStatus(submission.status).label,
        )
    notification_send(recipient=submission.user, kind=kind, title=title, url=url, body=body)


def submission_view_record(
    *, actor: User, submission: Submission, file: SubmissionFile | None = None
) -> None:
    """Record that someone other than the learner opened their submission (or one of its
    files).

    Effects: audit `assessment.submission.viewed` or `assessment.submissionfile.viewed`
    (nothing when the learner opens their own).
    """
    if actor.pk == submission.user_id:
        return
    if file is None:
        audit_record(actor=actor, action=ProjectAuditAction.SUBMISSION_VIEWED, subject=submission)
    else:
        audit_record(actor=actor, action=ProjectAuditAction.SUBMISSION_FILE_VIEWED, subject=file)
