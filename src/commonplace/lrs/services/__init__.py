"""Writes of the LRS, one module per resource family: clients, statements, documents; reads
that are audited (`records`)."""

from .clients import lrs_client_create, lrs_client_deactivate
from .records import statement_view_record

__all__ = ["lrs_client_create", "lrs_client_deactivate", "statement_view_record"]
