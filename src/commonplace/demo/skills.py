"""The demo's skills check and learning-needs surveys.

"Everyday skills check" has five sections of four questions; each band suggests resources of
the demo catalogue. Learners of the demo ULR's branch have results (some shared, some taken
with the ULR); one workplace survey is open with thirty anonymous answers, another closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from commonplace.learning.selectors import resources_visible_to
from commonplace.pathways.selectors import pathways_visible_to
from commonplace.people.selectors import people_visible_to, person_of_user
from commonplace.skills.selectors import check_sections
from commonplace.skills.services import (
    band_add,
    check_create,
    check_publish,
    question_add,
    result_record,
    section_add,
    survey_answer_record,
    survey_close,
    survey_create,
    survey_open,
    survey_question_add,
)

if TYPE_CHECKING:
    from commonplace.skills.models import SkillsCheck

    from .services import DemoContext

HOW_OFTEN = [("Not yet", 0), ("With some help", 1), ("Yes, on my own", 2)]

# The demo pathways (demo/pathways.py, built before this step) a band suggests, by section and
# band name: where a pathway fits the result, the result page links to it.
BAND_PATHWAYS = {
    ("Digital skills", "Getting started"): ["Digital skills for work"],
    ("Digital skills", "Essential digital skills"): ["Digital skills for work"],
}

# (title, description, questions, bands as (low, high, name, explanation, resource titles))
SECTIONS = [
    (
        "Reading and writing",
        "Everyday reading and writing at work and at home.",
        [
            "Can you read a rota or a notice on the staff board?",
            "Can you fill in a holiday request or an accident form?",
            "Can you write a short note to a colleague to hand over a shift?",
            "Can you read a letter from your employer and pick out what you need to do?",
        ],
        [
            (
                0,
                2,
                "Getting started (Entry level 1 to 2)",
                "You are at the start, and that is a good place to be: lots of people pick reading "
                "and writing up again as adults. A short, friendly course at your own pace helps.",
                ["Writing a good email to your manager"],
            ),
            (
                3,
                5,
                "Entry level 3",
                "You manage everyday reading and writing, with help now and then. A little "
                "practice will make forms and letters quicker and less of a worry.",
                ["Writing a good email to your manager"],
            ),
            (
                6,
                8,
                "Level 1 and beyond",
                "You read and write confidently at work. You could aim for a qualification such as "
                "Functional Skills English, or help a colleague get started.",
                ["What a union learning rep does"],
            ),
        ],
    ),
    (
        "Working with numbers",
        "Money, time, measures and simple percentages.",
        [
            "Can you check your payslip and spot if the hours are wrong?",
            "Can you work out how long a shift is, with the break taken off?",
            "Can you work out 10% off a price?",
            "Can you read a simple table or chart, like a sales board?",
        ],
        [
            (
                0,
                2,
                "Getting started (Entry level 1 to 2)",
                "Numbers can feel hard if school did not go well, but they get easier with the "
                "right help. Start with money and time: the things you use every day.",
                ["Fractions and percentages at work"],
            ),
            (
                3,
                5,
                "Entry level 3",
                "You handle everyday numbers. Practising percentages and fractions will help with "
                "payslips, offers and rotas.",
                ["Fractions and percentages at work"],
            ),
            (
                6,
                8,
                "Level 1 and beyond",
                "You are good with numbers. Functional Skills maths, or a course that uses them, "
                "could be your next step.",
                ["Fractions and percentages at work"],
            ),
        ],
    ),
    (
        "Digital skills",
        "Phones, computers and staying safe online.",
        [
            "Can you open and reply to an email on your phone?",
            "Can you use a website to book something or fill in a form?",
            "Can you make a password that is hard to guess and keep it safe?",
            "Can you join a video call?",
        ],
        [
            (
                0,
                2,
                "Getting started",
                "Everybody starts somewhere with computers. A few short sessions with someone "
                "patient make a big difference. Your ULR can find one near you.",
                ["Staying safe online: passwords and scams"],
            ),
            (
                3,
                5,
                "Essential digital skills",
                "You get by online. Learning more about staying safe and using forms will save you "
                "time and trouble.",
                [
                    "Staying safe online: passwords and scams",
                    "Writing a good email to your manager",
                ],
            ),
            (
                6,
                8,
                "Confident online",
                "You use digital tools well. You might help others, or take a course in office "
                "software or digital skills for work.",
                ["Staying safe online: passwords and scams"],
            ),
        ],
    ),
    (
        "Confidence in learning",
        "How you feel about learning. 1 means not at all, 5 means very much.",
        [
            "I feel I could learn something new if I had the right help.",
            "I would feel comfortable asking a question in a group.",
            "I can find the time for a little learning each week.",
            "I would like to get a qualification.",
        ],
        [
            (
                4,
                9,
                "Building confidence",
                "Lots of people feel unsure about learning, often because of "
                "school. Starting small, with people you trust, builds confidence quickly. Your "
                "ULR is there to help.",
                ["What a union learning rep does"],
            ),
            (
                10,
                15,
                "Ready to start",
                "You are open to learning. Pick something short that interests you and see how it "
                "goes.",
                ["What a union learning rep does"],
            ),
            (
                16,
                20,
                "Keen to learn",
                "You are ready to go. Talk to your ULR about a course or qualification, and about "
                "time off for learning.",
                ["Your right to time off for union learning"],
            ),
        ],
    ),
    (
        "English for speakers of other languages",
        "For people whose first language is not English.",
        [
            "Can you understand instructions from your supervisor?",
            "Can you explain a problem at work in English?",
            "Can you understand a phone call from someone you do not know?",
            "Can you read safety signs and labels at work?",
        ],
        [
            (
                0,
                2,
                "ESOL Entry level 1",
                "An ESOL course will help you with English for everyday life and work. Many are "
                "free, and some run at work.",
                ["Health and safety at work: the basics"],
            ),
            (
                3,
                5,
                "ESOL Entry level 2 to 3",
                "You can get by in English. A course will help you feel more at ease on the phone "
                "and in meetings.",
                ["Health and safety at work: the basics"],
            ),
            (
                6,
                8,
                "Confident in English",
                "You use English well at work. If you want, an English qualification can help with "
                "your next job or course.",
                ["Writing a good email to your manager"],
            ),
        ],
    ),
]

SURVEY_QUESTIONS = [
    ("single", "Would you like to do some learning in the next year?", ["Yes", "Maybe", "No"]),
    (
        "multiple",
        "What would you like to learn? Select all that apply.",
        [
            "English",
            "Maths",
            "Computers and phones",
            "A qualification for my job",
            "Something just for me",
        ],
    ),
    (
        "single",
        "When could you learn?",
        ["Before my shift", "After my shift", "At a weekend", "Online, when I can"],
    ),
    ("text", "Is there anything that has stopped you learning before?", []),
]

SURVEY_NOTES = [
    "Shifts change every week so I can never get to a class.",
    "I would like to help my children with their maths homework.",
    "Nobody told me there were courses.",
    "Childcare.",
    "I left school at 15 and never went back.",
    "I need my computer skills for the new system at work.",
]


def _check_build(ctx: DemoContext) -> SkillsCheck:
    staff = ctx.accounts["staff"]
    union = ctx.require_union()
    check = check_create(
        actor=staff,
        owner_unit=union,
        title="Everyday skills check",
        slug="everyday-skills",
        introduction=(
            "Twenty short questions about reading and writing, numbers, digital skills, "
            "confidence and English. It takes about ten minutes. It is not a test: there are no "
            "wrong answers, and you see straight away what could help you next."
        ),
    )
    resources = {r.title: r for r in resources_visible_to(user=staff)}
    slugs = dict(pathways_visible_to(user=staff).values_list("title", "slug"))
    for title, description, questions, bands in SECTIONS:
        section = section_add(actor=staff, check=check, title=title, description=description)
        scale = title.startswith("Confidence")
        for text in questions:
            if scale:
                question_add(actor=staff, section=section, text=text, kind="scale")
            else:
                question_add(actor=staff, section=section, text=text, options=HOW_OFTEN)
        for low, high, name, explanation, titles in bands:
            band_add(
                actor=staff,
                section=section,
                min_score=low,
                max_score=high,
                name=name,
                explanation=explanation,
                resources=[resources[t] for t in titles if t in resources],
                pathway_refs=[slugs[t] for t in BAND_PATHWAYS.get((title, name), []) if t in slugs],
            )
    return check_publish(actor=staff, check=check)


def _answers(ctx: DemoContext, check: SkillsCheck) -> dict[int, int]:
    answers = {}
    for section in check_sections(check=check):
        for question in section.questions.all():
            if question.kind == "scale":
                answers[question.pk] = ctx.rng.randint(1, 5)
            else:
                answers[question.pk] = ctx.rng.choice(list(question.options.all())).pk
    return answers


def _results(ctx: DemoContext, check: SkillsCheck) -> int:
    """The demo learner took the check alone twice (shared the first); seven colleagues
    without accounts took it with the demo ULR, four of them agreeing to share."""
    ulr, learner = ctx.accounts["ulr"], ctx.accounts["learner"]
    own = person_of_user(user=learner)
    if own is not None:
        for share in (True, False):
            result_record(
                actor=learner, check=check, person=own, answers=_answers(ctx, check), share=share
            )
    colleagues = list(people_visible_to(user=ulr).filter(account__isnull=True).order_by("pk")[:7])
    for i, person in enumerate(colleagues):
        result_record(
            actor=ulr,
            check=check,
            person=person,
            answers=_answers(ctx, check),
            taken_with=ulr,
            share=i % 2 == 0,
        )
    return (2 if own is not None else 0) + len(colleagues)


def _surveys(ctx: DemoContext) -> None:
    from .services import TODAY

    ulr = ctx.accounts["ulr"]
    staff = ctx.accounts["staff"]
    template = survey_create(
        actor=staff,
        workplace=ctx.require_union(),
        title="Learning at work: what do you want?",
        introduction="A short, anonymous survey about learning at your workplace.",
        is_template=True,
        code="template1",
    )
    for kind, text, options in SURVEY_QUESTIONS:
        survey_question_add(actor=staff, survey=template, kind=kind, text=text, options=options)
    workplaces = ctx.workplaces[:2]
    open_survey = survey_create(
        actor=ulr,
        workplace=workplaces[0],
        title=f"Learning at {workplaces[0].name}",
        introduction="Tell us what learning you want. It takes two minutes and is anonymous.",
        template=template,
        code="learn1",
    )
    closed = survey_create(
        actor=ulr,
        workplace=workplaces[-1],
        title=f"Learning at {workplaces[-1].name}, spring",
        template=template,
        code="spring1",
    )
    for survey, count in ((open_survey, 30), (closed, 12)):
        survey_open(actor=ulr, survey=survey)
        questions = list(survey.questions.order_by("order", "pk"))
        for _n in range(count):
            answers: dict[int, object] = {}
            for question in questions:
                if question.kind == "single":
                    answers[question.pk] = str(ctx.rng.randrange(len(question.options)))
                elif question.kind == "multiple":
                    picks = ctx.rng.sample(range(len(question.options)), ctx.rng.randint(1, 2))
                    answers[question.pk] = [str(p) for p in picks]
                elif ctx.rng.random() < 0.4:
                    answers[question.pk] = ctx.rng.choice(SURVEY_NOTES)
            survey_answer_record(survey=survey, answers=answers, today=TODAY)
    survey_close(actor=ulr, survey=closed)


def step_skills(ctx: DemoContext) -> None:
    """The published "Everyday skills check", results in the demo ULR's branch, and two
    workplace learning-needs surveys (one open with 30 answers, one closed)."""
    check = _check_build(ctx)
    taken = _results(ctx, check)
    _surveys(ctx)
    ctx.report(f"skills: 1 skills check, {taken} results, 2 surveys and a template")
