"""LRS models, one module per resource family."""

from .clients import LrsClient

__all__ = ["LrsClient"]
