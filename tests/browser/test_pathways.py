"""A learner on a phone works through a pathway: enrols, finishes a resource step, passes the
quiz step, sees their progress and "continue", and completes the pathway (axe on every page)."""

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.assessment.enums import QuestionKind
from commonplace.certificates.models import Certificate
from commonplace.pathways.models import Enrolment
from commonplace.pathways.selectors import pathway_steps
from commonplace.pathways.services import enrolment_create, step_add, step_finish
from tests.factories.accounts import UserFactory
from tests.factories.assessment import ChoiceFactory, QuestionFactory, QuizFactory
from tests.factories.learning import ResourceFactory
from tests.factories.organisation import BranchFactory, RegionFactory, UnionFactory
from tests.factories.pathways import PathwayFactory
from tests.factories.people import PersonFactory


@pytest.fixture
def journey(transactional_db):
    union = UnionFactory(name="Union A")
    branch = BranchFactory(parent=RegionFactory(parent=union))
    learner = UserFactory(email="sam@a.test")
    PersonFactory(home_unit=branch, account=learner)
    RoleGrant.objects.create(user=learner, role=Role.LEARNER, unit=branch)
    pathway = PathwayFactory(
        owner_unit=union,
        title="Becoming a union learning rep",
        summary="Everything a new learning rep needs in the first months.",
    )
    resource = ResourceFactory(owner_unit=union, title="What a union learning rep does")
    quiz = QuizFactory(owner_unit=union, title="Your rights at work", slug="rights", pass_mark=100)
    question = QuestionFactory(quiz=quiz, kind=QuestionKind.SINGLE, text="Who is the union?")
    right = ChoiceFactory(question=question, text="We are", is_correct=True)
    ChoiceFactory(question=question, text="The head office")
    step_add(
        actor=None,
        pathway=pathway,
        fields={"title": "Read about the role", "kind": "resource", "resource": resource},
    )
    step_add(
        actor=None,
        pathway=pathway,
        fields={"title": "Check your rights", "kind": "quiz", "quiz": quiz},
    )
    return learner, pathway, question, right


def test_learner_completes_a_pathway_on_a_phone(browse, sign_in, journey):
    learner, pathway, question, right = journey
    sign_in(learner)
    page = browse.open("/pathways/")
    browse.follow("Becoming a union learning rep")
    browse.submit("Enrol on this pathway")
    assert page.get_by_text("You have done 0 of 2 required steps.").is_visible()

    browse.follow("Start the first step")
    assert page.get_by_role("link", name="Open What a union learning rep does").is_visible()
    browse.submit("I have finished this")
    assert page.get_by_text("You have done 1 of 2 required steps.").is_visible()
    assert page.locator("progress").get_attribute("value") == "50"

    browse.follow("Continue where you left off")
    assert page.get_by_role("heading", name="Check your rights").is_visible()
    browse.follow("Take the quiz")
    browse.submit("Start the quiz")
    page.locator(f'input[name="q{question.pk}"][value="{right.pk}"]').check()
    browse.submit("Submit my answers")
    assert page.get_by_role("heading", name="You passed").is_visible()

    browse.open(f"/pathways/{pathway.slug}/")
    assert page.get_by_role(
        "heading", name="Congratulations: you completed Becoming a union learning rep"
    ).is_visible()
    browse.follow("See your record of this pathway")
    browse.follow("My pathways")
    assert page.get_by_text("Completed on").is_visible()
    assert Enrolment.objects.get(user=learner).completed_at is not None

    # The certificate: from the pathway, downloaded, and checked by someone with no account.
    browse.open(f"/pathways/{pathway.slug}/")
    browse.follow("Get your certificate")
    certificate = Certificate.objects.get(user=learner)
    assert page.get_by_role("heading", name="Becoming a union learning rep").is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    page.context.clear_cookies()
    browse.open(f"/certificates/verify/{certificate.uuid}/")
    assert page.get_by_role("heading", name="This certificate is valid").is_visible()
    assert page.get_by_text("Becoming a union learning rep").first.is_visible()
    assert "sam@a.test" not in page.content()
    assert len(browse.pages_checked) == 15


def test_staff_author_a_pathway_and_read_its_dropoff_on_a_phone(browse, sign_in, journey):
    learner, pathway, _question, _right = journey
    union = pathway.owner_unit
    enrolment_create(actor=learner, pathway=pathway)
    step_finish(actor=learner, step=pathway_steps(pathway=pathway)[0])
    staff = UserFactory(email="jo@a.test")
    RoleGrant.objects.create(user=staff, role=Role.STAFF, unit=union)
    ResourceFactory(owner_unit=union, title="Mapping your workplace")
    sign_in(staff)
    page = browse.open("/pathways/")
    browse.follow("Add a pathway")
    browse.submit("Save the pathway")  # nothing filled in: the errors are listed
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Title").fill("Organising 1")
    page.get_by_label("Summary").fill("The foundations of organising.")
    page.get_by_label("Level").select_option("beginner")
    page.get_by_label("Estimated hours").fill("5")
    page.get_by_label("Language").select_option("en")
    page.get_by_label("Owned by").select_option(str(union.pk))
    browse.submit("Save the pathway")
    browse.follow("Add a step")
    page.get_by_label("Title").fill("Map your workplace")
    page.get_by_role("radio", name="Learning resource").check()
    page.get_by_label("Which learning resource").select_option(label="Mapping your workplace")
    browse.submit("Save the step")
    browse.submit("Publish")
    assert page.get_by_text("The pathway is published.").is_visible()

    browse.open(f"/pathways/{pathway.slug}/drop-off/")
    assert page.locator("caption").get_by_text("Learners by step").is_visible()
    first_row = page.locator("tbody tr").first
    assert first_row.locator("td").all_inner_texts() == ["1", "1"]  # completed it, stopped
