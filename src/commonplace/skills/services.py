"""Writes of skills checks, their results and learning-needs surveys.

Authoring a check is staff work at their place and below; publishing refuses an incomplete
check. Recording a result scores every section with the pure functions of `scoring`, keeps
the result as the person's own, shares it only when they agree, and records an xAPI
`completed` statement with each section's score. Survey answers are anonymous: no person,
no IP address, no audit row (the audit context would store the address), only the day.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commonplace.audit.services import audit_record
from commonplace.core.site import site_url
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors.people import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record

from .enums import (
    SCALE_SCORES,
    CheckQuestionKind,
    CheckStatus,
    SkillsAuditAction,
    SurveyQuestionKind,
    SurveyStatus,
)
from .errors import (
    AnswersMissingError,
    BandInvalidError,
    CheckIncompleteError,
    CheckNotPublishedError,
    CheckPublishedError,
    OptionsInvalidError,
    SurveyAnswerInvalidError,
    SurveyBusyError,
    SurveyEmptyError,
    SurveyNotOpenError,
    SurveyStatusError,
)
from .models import (
    Band,
    CheckOption,
    CheckQuestion,
    ResultShare,
    Section,
    SectionResult,
    SkillsCheck,
    SkillsResult,
    Survey,
    SurveyQuestion,
    SurveyResponse,
)
from .scoring import band_for, section_range, section_score
from .selectors import (
    band_ranges,
    check_problems,
    check_sections,
    scored_questions,
    survey_code_taken,
)

if TYPE_CHECKING:
    from datetime import date

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit
    from commonplace.people.models import Person

# A simple flood guard for the anonymous survey page: answers a survey takes per minute.
SURVEY_ANSWERS_PER_MINUTE = 60


# --- authoring a skills check ---


def _editable(check: SkillsCheck) -> None:
    """Refuse changes to a published check (read from the database, not a stale object)."""
    if SkillsCheck.objects.filter(pk=check.pk, status=CheckStatus.PUBLISHED).exists():
        raise CheckPublishedError()


@transaction.atomic
def check_create(
    *, actor: User, owner_unit: OrgUnit, title: str, slug: str, introduction: str = ""
) -> SkillsCheck:
    """Start a draft skills check owned by `owner_unit`.

    Effects: writes SkillsCheck; audit `skills.check.created`.
    """
    check = SkillsCheck.objects.create(
        owner_unit=owner_unit, title=title.strip(), slug=slug, introduction=introduction.strip()
    )
    audit_record(actor=actor, action=SkillsAuditAction.CHECK_CREATED, subject=check)
    return check


@transaction.atomic
def section_add(*, actor: User, check: SkillsCheck, title: str, description: str = "") -> Section:
    """Add a section (literacy, numeracy, ...) at the end of a draft check.

    Effects: writes Section; audit `skills.check.changed`.
    Raises: CheckPublishedError.
    """
    _editable(check)
    order = check.sections.count() + 1
    section = Section.objects.create(
        skills_check=check, order=order, title=title.strip(), description=description.strip()
    )
    audit_record(
        actor=actor, action=SkillsAuditAction.CHECK_CHANGED, subject=check, changes=["sections"]
    )
    return section


@transaction.atomic
def question_add(
    *,
    actor: User,
    section: Section,
    text: str,
    kind: str = CheckQuestionKind.SINGLE,
    options: list[tuple[str, int]] | None = None,
) -> CheckQuestion:
    """Add a scored question to a section: single choice (a score per option) or a 1-5 scale.

    Effects: writes CheckQuestion and its CheckOptions; audit `skills.check.changed`.
    Raises: CheckPublishedError; OptionsInvalidError (single choice with fewer than two).
    """
    check = section.skills_check
    _editable(check)
    options = options or []
    if kind == CheckQuestionKind.SINGLE and len(options) < 2:
        raise OptionsInvalidError()
    order = section.questions.count() + 1
    question = CheckQuestion.objects.create(
        section=section, order=order, kind=kind, text=text.strip()
    )
    if kind == CheckQuestionKind.SINGLE:
        CheckOption.objects.bulk_create(
            CheckOption(question=question, order=i, text=label.strip(), score=score)
            for i, (label, score) in enumerate(options, start=1)
        )
    audit_record(
        actor=actor, action=SkillsAuditAction.CHECK_CHANGED, subject=check, changes=["questions"]
    )
    return question


@transaction.atomic
def band_add(
    *,
    actor: User,
    section: Section,
    min_score: int,
    max_score: int,
    name: str,
    explanation: str,
    resources: list[Any] | None = None,
    pathway_refs: list[str] | None = None,
) -> Band:
    """Add a result band (a score range with its name, words and suggestions) to a section.

    Overlaps and gaps are allowed while drafting and refused at publishing, so bands can be
    entered in any order.
    Effects: writes Band; audit `skills.check.changed`.
    Raises: CheckPublishedError; BandInvalidError (lowest above highest).
    """
    check = section.skills_check
    _editable(check)
    if min_score > max_score:
        raise BandInvalidError()
    band = Band.objects.create(
        section=section,
        min_score=min_score,
        max_score=max_score,
        name=name.strip(),
        explanation=explanation.strip(),
        pathway_refs=[ref.strip() for ref in (pathway_refs or []) if ref.strip()],
    )
    if resources:
        band.resources.set(resources)
    audit_record(
        actor=actor, action=SkillsAuditAction.CHECK_CHANGED, subject=check, changes=["bands"]
    )
    return band


@transaction.atomic
def check_part_remove(*, actor: User, check: SkillsCheck, part: str, pk: int) -> None:
    """Remove a section, question or band of a draft check (`part` names which).

    Effects: deletes the row (a section with its questions and bands); audit
    `skills.check.changed`.
    Raises: CheckPublishedError.
    """
    _editable(check)
    models: dict[str, Any] = {
        "section": Section.objects.filter(skills_check=check),
        "question": CheckQuestion.objects.filter(section__skills_check=check),
        "band": Band.objects.filter(section__skills_check=check),
    }
    if part in models:
        models[part].filter(pk=pk).delete()
        audit_record(
            actor=actor, action=SkillsAuditAction.CHECK_CHANGED, subject=check, changes=[part]
        )


@transaction.atomic
def check_publish(*, actor: User, check: SkillsCheck) -> SkillsCheck:
    """Publish a complete check: every section has questions and sound bands.

    Effects: writes SkillsCheck.status; audit `skills.check.published`.
    Raises: CheckIncompleteError listing what is missing.
    """
    check = SkillsCheck.objects.select_for_update().get(pk=check.pk)
    problems = check_problems(check=check)
    if problems:
        raise CheckIncompleteError(problems)
    check.status = CheckStatus.PUBLISHED
    check.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor, action=SkillsAuditAction.CHECK_PUBLISHED, subject=check, changes=["status"]
    )
    return check


# --- taking a check ---


def check_activity_id(check: SkillsCheck) -> str:
    """The xAPI activity id (IRI) of a skills check: its page on this site."""
    return site_url(f"/skills/checks/{check.slug}/")


def _answers_clean(sections: list[Section], answers: dict[int, Any]) -> dict[int, int]:
    """Every question answered with one of its values; AnswersMissingError names the rest."""
    cleaned: dict[int, int] = {}
    missing = []
    for section in sections:
        for question in section.questions.all():
            if question.kind == CheckQuestionKind.SCALE:
                allowed = set(SCALE_SCORES)
            else:
                allowed = {option.pk for option in question.options.all()}
            try:
                value = int(str(answers.get(question.pk, "")))
            except ValueError:
                value = -1
            if value in allowed:
                cleaned[question.pk] = value
            else:
                missing.append(question.pk)
    if missing:
        raise AnswersMissingError(missing)
    return cleaned


@transaction.atomic
def result_record(
    *,
    actor: User,
    check: SkillsCheck,
    person: Person,
    answers: dict[int, Any],
    taken_with: User | None = None,
    share: bool = False,
) -> SkillsResult:
    """Score a completed check for `person` and keep the result as theirs.

    `taken_with` is the ULR who sat with them (the caller has checked the person is in the
    ULR's scope); `share` is the person's agreement that their ULR and branch learning team
    may see the result.
    Effects: writes SkillsResult, a SectionResult per section, ResultShare when `share`; audit
    `skills.result.recorded` (and `skills.result.shared`); xAPI `completed` for the check with
    each section's score in a result extension (when the person has an account).
    Raises: CheckNotPublishedError; AnswersMissingError (nothing is saved).
    """
    if check.status != CheckStatus.PUBLISHED:
        raise CheckNotPublishedError()
    sections = check_sections(check=check)
    cleaned = _answers_clean(sections, answers)
    result = SkillsResult.objects.create(
        skills_check=check,
        person=person,
        taken_with=taken_with,
        completed_at=timezone.now(),
        answers={str(k): v for k, v in cleaned.items()},
    )
    rows = []
    for section in sections:
        questions = scored_questions(section)
        score = section_score(questions, cleaned)
        band = band_for(score, band_ranges(section))
        rows.append(
            SectionResult(
                result=result,
                section=section,
                score=score,
                max_score=section_range(questions)[1],
                band_id=band.pk if band else None,
            )
        )
    SectionResult.objects.bulk_create(rows)
    audit_record(actor=actor, action=SkillsAuditAction.RESULT_RECORDED, subject=result)
    if share:
        ResultShare.objects.create(result=result, shared_at=timezone.now())
        audit_record(actor=actor, action=SkillsAuditAction.RESULT_SHARED, subject=result)
    _statement_record(result=result, sections=sections, rows=rows)
    return result


def _statement_record(
    *, result: SkillsResult, sections: list[Section], rows: list[SectionResult]
) -> None:
    account = result.person.account
    if account is None:  # a learner without an account has no agent on this platform
        return
    check = result.skills_check
    bands = {band.pk: band.name for section in sections for band in section.bands.all()}
    per_section = {
        row.section.title: {
            "score": row.score,
            "max": row.max_score,
            "band": bands.get(row.band_id or 0, ""),
        }
        for row in rows
    }
    total, top = sum(r.score for r in rows), sum(r.max_score for r in rows)
    context: dict[str, Any] = {"registration": str(result.registration)}
    if result.taken_with is not None:
        context["instructor"] = statements_actor_for_user(result.taken_with)
    statement_record(
        actor=statements_actor_for_user(account),
        verb=vocabulary.COMPLETED,
        activity_id=check_activity_id(check),
        activity_type=vocabulary.ActivityType.ASSESSMENT,
        activity_name={"en": check.title},
        result={
            "completion": True,
            "score": {
                "scaled": round(total / top, 4) if top else 0,
                "raw": total,
                "min": 0,
                "max": top,
            },
            "extensions": {vocabulary.Extension.SKILLS_SECTION_RESULTS: per_section},
        },
        context=context,
    )


@transaction.atomic
def result_share(*, actor: User, result: SkillsResult) -> ResultShare:
    """Share a result with the person's ULR and branch learning team (their choice).

    Effects: writes ResultShare (once); audit `skills.result.shared`.
    """
    share, created = ResultShare.objects.get_or_create(
        result=result, defaults={"shared_at": timezone.now()}
    )
    if created:
        audit_record(actor=actor, action=SkillsAuditAction.RESULT_SHARED, subject=result)
    return share


@transaction.atomic
def result_unshare(*, actor: User, result: SkillsResult) -> None:
    """Withdraw the share: from now on only the person sees the result.

    Effects: deletes ResultShare; audit `skills.result.unshared`.
    """
    deleted, _rows = ResultShare.objects.filter(result=result).delete()
    if deleted:
        audit_record(actor=actor, action=SkillsAuditAction.RESULT_UNSHARED, subject=result)


def share_viewed_record(*, actor: User, share: ResultShare) -> None:
    """Audit that someone other than the person opened their shared result.

    Effects: audit `skills.result.viewed`.
    """
    audit_record(actor=actor, action=SkillsAuditAction.RESULT_VIEWED, subject=share.result)


# --- learning-needs surveys ---


def _new_code() -> str:
    while True:
        code = secrets.token_urlsafe(6)[:8].replace("-", "x").replace("_", "y")
        if not survey_code_taken(code=code):
            return code


def _options_check(kind: str, options: list[str]) -> list[str]:
    options = [option.strip() for option in options if option.strip()]
    if kind != SurveyQuestionKind.TEXT and len(options) < 2:
        raise OptionsInvalidError(_("Give at least two options, one a line."))
    return options if kind != SurveyQuestionKind.TEXT else []


@transaction.atomic
def survey_create(
    *,
    actor: User,
    workplace: OrgUnit,
    title: str,
    introduction: str = "",
    template: Survey | None = None,
    is_template: bool = False,
    code: str = "",
) -> Survey:
    """Create a draft survey for a workplace, with a template's questions when one is given.

    `code` fixes the short address (the demo builder, which must be deterministic); otherwise
    a random one is drawn.

    Effects: writes Survey (and copies of the template's SurveyQuestions); audit
    `skills.survey.created`.
    """
    survey = Survey.objects.create(
        workplace=workplace,
        owner=actor,
        title=title.strip(),
        introduction=introduction.strip(),
        is_template=is_template,
        code=code if code and not survey_code_taken(code=code) else _new_code(),
    )
    if template is not None:
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(
                survey=survey, order=q.order, kind=q.kind, text=q.text, options=list(q.options)
            )
            for q in SurveyQuestion.objects.filter(survey=template).order_by("order", "pk")
        )
    audit_record(actor=actor, action=SkillsAuditAction.SURVEY_CREATED, subject=survey)
    return survey


@transaction.atomic
def survey_question_add(
    *, actor: User, survey: Survey, kind: str, text: str, options: list[str] | None = None
) -> SurveyQuestion:
    """Add a question to a draft survey: single or multiple choice, or free text.

    Effects: writes SurveyQuestion; audit `skills.survey.changed`.
    Raises: SurveyStatusError (not a draft); OptionsInvalidError.
    """
    if survey.status != SurveyStatus.DRAFT:
        raise SurveyStatusError(_("Questions can only be added while the survey is a draft."))
    cleaned = _options_check(kind, options or [])
    question = SurveyQuestion.objects.create(
        survey=survey,
        order=survey.questions.count() + 1,
        kind=kind,
        text=text.strip(),
        options=cleaned,
    )
    audit_record(
        actor=actor, action=SkillsAuditAction.SURVEY_CHANGED, subject=survey, changes=["questions"]
    )
    return question


@transaction.atomic
def survey_open(*, actor: User, survey: Survey) -> Survey:
    """Open a draft survey for answers at its short address.

    Effects: writes Survey.status and opened_at; audit `skills.survey.opened`.
    Raises: SurveyStatusError (not a draft, or a template); SurveyEmptyError.
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.DRAFT or survey.is_template:
        raise SurveyStatusError()
    if not survey.questions.exists():
        raise SurveyEmptyError()
    survey.status, survey.opened_at = SurveyStatus.OPEN, timezone.now()
    survey.save(update_fields=["status", "opened_at", "updated_at"])
    audit_record(
        actor=actor, action=SkillsAuditAction.SURVEY_OPENED, subject=survey, changes=["status"]
    )
    return survey


@transaction.atomic
def survey_close(*, actor: User, survey: Survey) -> Survey:
    """Close an open survey: no more answers; its results stay.

    Effects: writes Survey.status and closed_at; audit `skills.survey.closed`.
    Raises: SurveyStatusError (not open).
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise SurveyStatusError()
    survey.status, survey.closed_at = SurveyStatus.CLOSED, timezone.now()
    survey.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(
        actor=actor, action=SkillsAuditAction.SURVEY_CLOSED, subject=survey, changes=["status"]
    )
    return survey


def _survey_answer_clean(question: SurveyQuestion, given: Any) -> Any:
    """One answer in the stored shape (option index, list of indexes, or text); None if blank.
    Raises ValueError with a message for the person."""
    count = len(question.options)
    if question.kind == SurveyQuestionKind.TEXT:
        text = str(given or "").strip()
        if len(text) > 1000:
            raise ValueError(_("Keep your answer under 1,000 characters."))
        return text or None
    values = given if isinstance(given, list) else ([given] if given not in (None, "") else [])
    try:
        indexes = sorted({int(str(v)) for v in values})
    except ValueError as error:
        raise ValueError(_("Choose from the options given.")) from error
    if any(i < 0 or i >= count for i in indexes):
        raise ValueError(_("Choose from the options given."))
    if question.kind == SurveyQuestionKind.SINGLE:
        if len(indexes) > 1:
            raise ValueError(_("Choose one option."))
        return indexes[0] if indexes else None
    return indexes or None


@transaction.atomic
def survey_answer_record(
    *, survey: Survey, answers: dict[int, Any], today: date | None = None
) -> SurveyResponse:
    """Keep one anonymous set of answers to an open survey (blank questions are skipped).

    No person, IP address or time of day is stored, and there is no audit row (the audit
    context holds the request's address).
    Effects: writes SurveyResponse.
    Raises: SurveyNotOpenError; SurveyAnswerInvalidError (nothing saved; an empty set too);
    SurveyBusyError past the flood guard.
    """
    survey = Survey.objects.get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise SurveyNotOpenError()
    cleaned: dict[str, Any] = {}
    errors: dict[int, str] = {}
    for question in SurveyQuestion.objects.filter(survey=survey).order_by("order", "pk"):
        try:
            value = _survey_answer_clean(question, answers.get(question.pk))
        except ValueError as error:
            errors[question.pk] = str(error)
            continue
        if value is not None:
            cleaned[str(question.pk)] = value
    if errors:
        raise SurveyAnswerInvalidError(errors)
    if not cleaned:
        raise SurveyAnswerInvalidError({0: _("Answer at least one question.")})
    if not _survey_rate_allow(survey=survey):
        raise SurveyBusyError()
    return SurveyResponse.objects.create(
        survey=survey, received_on=today or timezone.localdate(), answers=cleaned
    )


def _survey_rate_allow(*, survey: Survey) -> bool:
    """At most SURVEY_ANSWERS_PER_MINUTE answers a minute per survey (a flood guard that needs
    no address: a workplace answering together stays well under it)."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"skills:survey:{survey.pk}:{minute}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=120)
        count = 1
    return count <= SURVEY_ANSWERS_PER_MINUTE
