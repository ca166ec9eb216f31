"""Signal receivers: pathway progress follows the LRS.

Every batch of statements stored (from the platform itself or an outside client through
/xapi/) reaches `progress_from_statements`, inside the batch's transaction. It costs no query
unless a statement could complete a step, so the HTTP ingest path stays fast.
"""

from typing import Any

from django.dispatch import receiver

from commonplace.lrs.services.statements import statements_stored

from .services import progress_from_statements


@receiver(statements_stored, dispatch_uid="pathways.progress_from_statements")
def on_statements_stored(sender: Any, statements: list[dict[str, Any]], **kwargs: Any) -> None:
    progress_from_statements(statements=statements)
