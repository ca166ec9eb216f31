"""Writes of the LRS, one module per resource family: clients, statements, documents."""

from .clients import lrs_client_create

__all__ = ["lrs_client_create"]
