"""Reads of skills checks, results and surveys, scoped by the policy table.

Checks: anyone in the union sees published ones (`take`), staff their subtree's (`view`).
Results: a person's own (`skills.skillsresult`, reach self); others only shared ones
(`skills.resultshare`). Surveys: their owner, and co-ordinators and staff above the workplace.
Survey results are only ever read as aggregates, with small numbers suppressed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from commonplace.access.selectors import scope_q
from commonplace.pathways.selectors import PathwayLink, pathway_links

from .enums import (
    SCALE_SCORES,
    SMALL_NUMBER,
    CheckQuestionKind,
    CheckStatus,
    SurveyQuestionKind,
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
from .scoring import BandRange, ScoredQuestion, bands_problems, section_range

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

CHECK = "skills.skillscheck"
RESULT = "skills.skillsresult"
SHARE = "skills.resultshare"
SURVEY = "skills.survey"


# --- skills checks ---


def checks_visible_to(*, user: User | AnonymousUser, action: str = "take") -> QuerySet[SkillsCheck]:
    """Checks `user` may `action`: to take or take with someone, only published ones."""
    checks = SkillsCheck.objects.filter(scope_q(user=user, kind=CHECK, action=action))
    if action in ("take", "assist"):
        checks = checks.filter(status=CheckStatus.PUBLISHED)
    return checks.select_related("owner_unit")


def check_get_visible(
    *, user: User | AnonymousUser, slug: str, action: str = "take"
) -> SkillsCheck:
    """The check, if `user` may `action` it; 404 otherwise (absent and not yours look alike)."""
    check = checks_visible_to(user=user, action=action).filter(slug=slug).first()
    if check is None:
        raise Http404("No skills check found.")
    return check


def check_sections(*, check: SkillsCheck) -> list[Section]:
    """The check's sections in order, with their questions, options and bands."""
    return list(
        Section.objects.filter(skills_check=check)
        .order_by("order", "pk")
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=CheckQuestion.objects.order_by("order", "pk").prefetch_related(
                    Prefetch("options", queryset=CheckOption.objects.order_by("order", "pk"))
                ),
            ),
            Prefetch(
                "bands",
                queryset=Band.objects.order_by("min_score", "pk").prefetch_related("resources"),
            ),
        )
    )


def section_get(*, check: SkillsCheck, pk: object) -> Section | None:
    try:
        return Section.objects.filter(skills_check=check, pk=int(str(pk))).first()
    except ValueError:
        return None


def scored_questions(section: Section) -> list[ScoredQuestion]:
    """A section's questions as the pure scoring functions read them (prefetched section)."""
    scored = []
    for question in section.questions.all():
        if question.kind == CheckQuestionKind.SCALE:
            scores = {n: n for n in SCALE_SCORES}
        else:
            scores = {option.pk: option.score for option in question.options.all()}
        scored.append(ScoredQuestion(pk=question.pk, scores=scores))
    return scored


def band_ranges(section: Section) -> list[BandRange]:
    return [
        BandRange(pk=b.pk, min_score=b.min_score, max_score=b.max_score, name=b.name)
        for b in section.bands.all()
    ]


def check_problems(*, check: SkillsCheck) -> list[str]:
    """Why the check cannot be published yet, in plain words (empty when it can)."""
    sections = check_sections(check=check)
    if not sections:
        return [_("Add at least one section.")]
    problems = []
    for section in sections:
        questions = list(section.questions.all())
        if not questions:
            problems.append(_("%(section)s: add at least one question.") % {"section": section})
            continue
        problems += [
            _("%(section)s: “%(question)s” needs at least two options.")
            % {"section": section, "question": question.text}
            for question in questions
            if question.kind == CheckQuestionKind.SINGLE and len(question.options.all()) < 2
        ]
        low, high = section_range(scored_questions(section))
        problems += [
            f"{section}: {problem}" for problem in bands_problems(band_ranges(section), low, high)
        ]
    return problems


def units_for_check_authoring(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """Units in which `user` may add skills checks (staff and administrators: their subtree)."""
    from django.apps import apps

    units = apps.get_model("organisation", "OrgUnit")._default_manager
    return units.filter(
        scope_q(user=user, kind=CHECK, action="add", unit_path="path", owner="")
    ).order_by("path")


def check_slug_taken(*, slug: str) -> bool:
    return SkillsCheck.objects.filter(slug=slug).exists()


# How many catalogue resources the band form offers (a search would replace the list).
BAND_RESOURCES_OFFERED = 200


def resources_for_bands(*, user: User | AnonymousUser) -> QuerySet[Any]:
    """Published resources `user` may suggest in a band, by title (at most the first 200)."""
    from commonplace.learning.enums import ResourceStatus
    from commonplace.learning.selectors import resources_visible_to

    published = resources_visible_to(user=user).filter(status=ResourceStatus.PUBLISHED)
    first = list(published.order_by("title").values_list("pk", flat=True)[:BAND_RESOURCES_OFFERED])
    return published.filter(pk__in=first).order_by("title")


# --- results ---


def results_of(*, user: User | AnonymousUser) -> QuerySet[SkillsResult]:
    """The user's own results, newest first."""
    return (
        SkillsResult.objects.filter(scope_q(user=user, kind=RESULT, action="view"))
        .filter(person__account_id=user.pk)
        .select_related("skills_check", "share", "taken_with")
        .order_by("-completed_at", "-pk")
    )


def result_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> SkillsResult:
    """One of the user's own results; 404 for anyone else's."""
    result = (
        SkillsResult.objects.filter(scope_q(user=user, kind=RESULT, action=action))
        .select_related("skills_check", "person", "taken_with")
        .filter(pk=pk)
        .first()
    )
    if result is None:
        raise Http404("No result found.")
    return result


def result_is_shared(*, result: SkillsResult) -> bool:
    return ResultShare.objects.filter(result=result).exists()


def shares_visible_to(*, user: User | AnonymousUser) -> QuerySet[ResultShare]:
    """Results shared with the user's team (ULR, co-ordinator) in their scope, newest first."""
    return (
        ResultShare.objects.filter(scope_q(user=user, kind=SHARE, action="view"))
        .select_related("result__skills_check", "result__person", "result__taken_with")
        .order_by("-shared_at", "-pk")
    )


def shares_of_person(*, user: User | AnonymousUser, person_id: int) -> QuerySet[ResultShare]:
    """The results one learner shared that `user` may see (for a caseload's learner page)."""
    return shares_visible_to(user=user).filter(result__person_id=person_id)


def share_get_visible(*, user: User | AnonymousUser, pk: int) -> ResultShare:
    share = shares_visible_to(user=user).filter(pk=pk).first()
    if share is None:
        raise Http404("No shared result found.")
    return share


@dataclass
class SectionOutcome:
    section: Section
    score: int
    max_score: int
    band: Band | None
    resources: list[Any] = field(default_factory=list)
    pathway_refs: list[str] = field(default_factory=list)
    # The band's suggested pathways that `user` may see, as links (`pathway_refs` in order).
    pathways: list[PathwayLink] = field(default_factory=list)


def result_outcomes(*, result: SkillsResult, user: User | AnonymousUser) -> list[SectionOutcome]:
    """Each section's score, band and suggestions; resources and pathways only those `user` may
    open (a fixed number of queries, whatever the number of sections)."""
    from commonplace.learning.selectors import resources_visible_to

    rows = list(
        SectionResult.objects.filter(result=result)
        .select_related("section", "band")
        .prefetch_related("band__resources")
        .order_by("section__order", "section__pk")
    )
    visible = set(
        resources_visible_to(user=user)
        .filter(pk__in=[r.pk for row in rows if row.band for r in row.band.resources.all()])
        .values_list("pk", flat=True)
    )
    links = pathway_links(
        user=user, slugs=[ref for row in rows if row.band for ref in row.band.pathway_refs]
    )
    outcomes = []
    for row in rows:
        band = row.band
        outcomes.append(
            SectionOutcome(
                section=row.section,
                score=row.score,
                max_score=row.max_score,
                band=band,
                resources=[r for r in band.resources.all() if r.pk in visible] if band else [],
                pathway_refs=list(band.pathway_refs) if band else [],
                pathways=[links[ref] for ref in band.pathway_refs if ref in links] if band else [],
            )
        )
    return outcomes


# --- surveys ---


def surveys_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Survey]:
    """Surveys `user` may `action` (templates among them), newest first, with answer counts."""
    return (
        Survey.objects.filter(scope_q(user=user, kind=SURVEY, action=action))
        .select_related("workplace", "owner")
        .annotate(answer_count=Count("responses"))
        .order_by("-created_at", "-pk")
    )


def survey_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> Survey:
    survey = (
        Survey.objects.filter(scope_q(user=user, kind=SURVEY, action=action))
        .select_related("workplace", "owner")
        .filter(pk=pk)
        .first()
    )
    if survey is None:
        raise Http404("No survey found.")
    return survey


def survey_templates_for(*, user: User | AnonymousUser) -> QuerySet[Survey]:
    """Staff templates of the user's union that they may start a survey from."""
    return (
        Survey.objects.filter(scope_q(user=user, kind=SURVEY, action="copy"))
        .filter(is_template=True)
        .order_by("title", "pk")
    )


def workplaces_for_surveys(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """Workplaces (and branches) where `user` may run a survey."""
    from django.apps import apps

    units = apps.get_model("organisation", "OrgUnit")._default_manager
    return (
        units.filter(scope_q(user=user, kind=SURVEY, action="add", unit_path="path", owner=""))
        .filter(kind__in=["workplace", "branch"])
        .order_by("name", "pk")
    )


def survey_questions(*, survey: Survey) -> list[SurveyQuestion]:
    return list(SurveyQuestion.objects.filter(survey=survey).order_by("order", "pk"))


def survey_open_by_code(*, code: str) -> Survey | None:
    """The survey answered at /s/<code>/, whatever its state (the page says when it is shut)."""
    return Survey.objects.filter(code=code, is_template=False).select_related("workplace").first()


def survey_code_taken(*, code: str) -> bool:
    return Survey.objects.filter(code=code).exists()


def survey_answer_count(*, survey: Survey) -> int:
    return SurveyResponse.objects.filter(survey=survey).count()


@dataclass
class Cell:
    label: str
    count: int
    suppressed: bool


@dataclass
class QuestionTally:
    question: SurveyQuestion
    cells: list[Cell] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    texts_hidden: bool = False


def cell_of(label: str, count: int) -> Cell:
    """A count, suppressed when fewer than SMALL_NUMBER people gave it (zero included)."""
    return Cell(label=label, count=count, suppressed=count < SMALL_NUMBER)


def survey_tally(*, survey: Survey) -> tuple[int, list[QuestionTally]]:
    """The survey's answers in aggregate: (number of answers, one tally per question).

    Choice questions count each option; a count under SMALL_NUMBER is marked suppressed and
    must be shown as "fewer than 5". Free-text answers are given only when the survey has at
    least SMALL_NUMBER answers; they are sorted, so their order says nothing about who wrote
    them.
    """
    questions = survey_questions(survey=survey)
    answers = list(SurveyResponse.objects.filter(survey=survey).values_list("answers", flat=True))
    total = len(answers)
    tallies = []
    for question in questions:
        key = str(question.pk)
        tally = QuestionTally(question=question)
        if question.kind == SurveyQuestionKind.TEXT:
            if total < SMALL_NUMBER:
                tally.texts_hidden = True
            else:
                tally.texts = sorted(
                    str(a[key]).strip() for a in answers if str(a.get(key, "")).strip()
                )
        else:
            counts: Counter[int] = Counter()
            for answer in answers:
                given = answer.get(key)
                for index in given if isinstance(given, list) else [given]:
                    if isinstance(index, int):
                        counts[index] += 1
            tally.cells = [cell_of(label, counts[i]) for i, label in enumerate(question.options)]
        tallies.append(tally)
    return total, tallies
