import shutil
import subprocess

import pytest

from commonplace.demo.learning_space import tiny_pdf
from commonplace.demo.services import demo_load
from commonplace.learning_space.selectors import (
    goals_of_user,
    informal_of_user,
    saved_resources_of_user,
)
from commonplace.lrs.selectors import statements_of_user

pytestmark = pytest.mark.django_db
PDFTOTEXT = shutil.which("pdftotext")


def test_the_demo_learner_has_a_learning_space(django_user_model):
    demo_load(branches=2, members=10, report=lambda _m: None)
    learner = django_user_model.objects.get(email="learner@demo.commonplace.test")

    entries = list(informal_of_user(user=learner))
    assert len(entries) == 3
    assert sum(1 for e in entries if e.evidence) == 1
    assert sorted(g.status for g in goals_of_user(user=learner)) == ["achieved", "open"]
    assert saved_resources_of_user(user=learner).count() == 3
    informal_statements = statements_of_user(user=learner).filter(
        activity_id__contains="/my-learning/informal/"
    )
    assert informal_statements.count() == 3


@pytest.mark.skipif(not PDFTOTEXT, reason="needs poppler-utils")
def test_tiny_pdf_is_a_valid_pdf(tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(tiny_pdf(["Certificate of attendance", "Sam (Pritchard)"]))
    text = subprocess.run(  # noqa: S603 - a fixed tool on a file the test wrote
        [PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Certificate of attendance" in text
    assert "Sam Pritchard" in text
