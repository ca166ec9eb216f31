"""Reads of the LRS, one module per resource family: clients, statements, documents."""

from .clients import lrs_client_authenticate, lrs_secret_digest

__all__ = ["lrs_client_authenticate", "lrs_secret_digest"]
