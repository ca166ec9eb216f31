"""Signal receivers: a completed ULR training pathway goes into the ULR's training record.

pathways sits below reps and must not import it, so `pathways.services.pathway_completed_effects`
announces each completion (`pathway_completed`, inside the completing transaction) and reps
answers here (decision 0340). One service call; it does nothing for other pathways.
"""

from typing import Any

from django.dispatch import receiver

from commonplace.pathways.services import pathway_completed

from .services import training_record_from_pathway


@receiver(pathway_completed, dispatch_uid="reps.training_record_from_pathway")
def on_pathway_completed(sender: Any, enrolment: Any, **kwargs: Any) -> None:
    training_record_from_pathway(
        user=enrolment.user, pathway=enrolment.pathway, completed_at=enrolment.completed_at
    )
