"""The platform's own xAPI vocabulary: the verbs and activity types its features record.

ADL and cmi5 IRIs where one exists, so statements read the same in any LRS or dashboard
downstream. Features record through `services.statements.statement_record` with these; a new
kind of event adds its verb here (and to docs/lrs.md), never an ad-hoc IRI in a feature.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verb:
    iri: str
    display: dict[str, str]  # language map: English and Welsh


LAUNCHED = Verb("http://adlnet.gov/expapi/verbs/launched", {"en": "launched", "cy": "lansiwyd"})
EXPERIENCED = Verb(
    "http://adlnet.gov/expapi/verbs/experienced", {"en": "experienced", "cy": "profwyd"}
)
ANSWERED = Verb("http://adlnet.gov/expapi/verbs/answered", {"en": "answered", "cy": "atebwyd"})
ATTEMPTED = Verb("http://adlnet.gov/expapi/verbs/attempted", {"en": "attempted", "cy": "ceisiwyd"})
PASSED = Verb("http://adlnet.gov/expapi/verbs/passed", {"en": "passed", "cy": "llwyddwyd"})
FAILED = Verb("http://adlnet.gov/expapi/verbs/failed", {"en": "failed", "cy": "methwyd"})
COMPLETED = Verb("http://adlnet.gov/expapi/verbs/completed", {"en": "completed", "cy": "cwblhawyd"})
REGISTERED = Verb(
    "http://adlnet.gov/expapi/verbs/registered", {"en": "registered", "cy": "cofrestrwyd"}
)
ATTENDED = Verb("http://adlnet.gov/expapi/verbs/attended", {"en": "attended", "cy": "mynychwyd"})
SUBMITTED = Verb(
    "http://activitystrea.ms/schema/1.0/submit", {"en": "submitted", "cy": "cyflwynwyd"}
)
SAVED = Verb("http://activitystrea.ms/schema/1.0/save", {"en": "saved", "cy": "cadwyd"})
EARNED = Verb("http://id.tincanapi.com/verb/earned", {"en": "earned", "cy": "enillwyd"})
VOIDED = Verb("http://adlnet.gov/expapi/verbs/voided", {"en": "voided", "cy": "dirymwyd"})


class ActivityType:
    """Activity types (ADL vocabulary; `INFORMAL` from the Tin Can registry)."""

    COURSE = "http://adlnet.gov/expapi/activities/course"
    MODULE = "http://adlnet.gov/expapi/activities/module"
    LESSON = "http://adlnet.gov/expapi/activities/lesson"
    ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
    QUESTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
    MEETING = "http://adlnet.gov/expapi/activities/meeting"
    LINK = "http://adlnet.gov/expapi/activities/link"
    FILE = "http://adlnet.gov/expapi/activities/file"
    MEDIA = "http://adlnet.gov/expapi/activities/media"
    PROJECT = "http://adlnet.gov/expapi/activities/project"
    INFORMAL = "http://id.tincanapi.com/activitytype/resource"
    # A learning goal (caseload plans, My learning space), recorded `completed` when achieved.
    OBJECTIVE = "http://adlnet.gov/expapi/activities/objective"
    # Learning pathways (`pathways`): a pathway is an ADL "course" (a whole, ordered body of
    # learning made of smaller activities), recorded with `registered` on enrolment and
    # `completed` when every required step is done; a live-session step is a MEETING,
    # recorded with `attended`. Resource steps complete with `completed`, quizzes `passed`.
    PATHWAY = COURSE


# --- My learning space (learning_space) -------------------------------------------------------
# Informal learning a person logs themself is ADL `experienced` of an activity of type
# INFORMAL, with the category INFORMAL_LEARNING_CATEGORY in `context.contextActivities.category`
# and the hours as `result.duration`; a learning goal achieved is ADL `completed` of an
# activity of type OBJECTIVE. The category's IRI is the installation's own (SITE_URL + this
# path), documented in docs/lrs.md and decision 0231. LEARNED_VERBS are the verbs that count as
# "something I learned" on the learning space (from the platform or any xAPI source).
INFORMAL_LEARNING_CATEGORY_PATH = "/xapi/activities/informal-learning"
LEARNED_VERBS = (
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/experienced",
    "http://adlnet.gov/expapi/verbs/mastered",
    "http://adlnet.gov/expapi/verbs/attended",
    "http://id.tincanapi.com/verb/earned",
)


# --- Certificates and Open Badges (certificates app) ---------------------------------------------
# A certificate is recorded as `EARNED` (above) of a badge: the activity is the Open Badges
# BadgeClass (its id is the BadgeClass's address), typed with the Activity Streams badge type
# registered in the xAPI registry; the extensions of the xAPI Open Badges recipe carry the
# BadgeClass (in the activity's definition) and the hosted Assertion (in the result).
BADGE_ACTIVITY_TYPE = "http://activitystrea.ms/schema/1.0/badge"
OPEN_BADGES_CLASS_EXTENSION = "http://specification.openbadges.org/xapi/extensions/badgeclass"
OPEN_BADGES_ASSERTION_EXTENSION = (
    "http://specification.openbadges.org/xapi/extensions/badgeassertion"
)


# --- skills: extensions of the skills check `completed` statement ---
class Extension:
    """Result extensions the platform writes (IRIs under the platform's own namespace)."""

    # {section title: {"score": n, "max": n, "band": name}} for every section of a skills check.
    SKILLS_SECTION_RESULTS = "https://commonplace.coop/xapi/extensions/skills-section-results"


# --- end of skills ---
