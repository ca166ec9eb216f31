"""Signal receivers: pathway progress follows the LRS; a quiz result offers the way back.

Every batch of statements stored (from the platform itself or an outside client through
/xapi/) reaches `progress_from_statements`, inside the batch's transaction. It costs no query
unless a statement could complete a step, so the HTTP ingest path stays fast.
"""

from typing import Any

from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _

from commonplace.assessment.selectors import quiz_result_shown
from commonplace.lrs.services.statements import statements_stored

from .selectors import pathways_enrolled_with_quiz
from .services import progress_from_statements


@receiver(statements_stored, dispatch_uid="pathways.progress_from_statements")
def on_statements_stored(sender: Any, statements: list[dict[str, Any]], **kwargs: Any) -> None:
    progress_from_statements(statements=statements)


@receiver(quiz_result_shown, dispatch_uid="pathways.back_to_pathway")
def on_quiz_result_shown(sender: Any, user: Any, quiz: Any, **kwargs: Any) -> list[tuple[str, str]]:
    """ "Back to your pathway" under a quiz result, for each pathway the learner is enrolled on
    that has the quiz as a step."""
    return [
        (
            _("Back to your pathway: %(title)s") % {"title": pathway.title},
            reverse("pathways:pathway-detail", args=[pathway.slug]) + "#steps",
        )
        for pathway in pathways_enrolled_with_quiz(user=user, quiz_id=quiz.pk)
    ]
