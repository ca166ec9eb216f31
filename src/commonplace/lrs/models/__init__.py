"""LRS models, one module per resource family."""

from .clients import LrsClient
from .statements import Attachment, Statement

__all__ = ["Attachment", "LrsClient", "Statement"]
