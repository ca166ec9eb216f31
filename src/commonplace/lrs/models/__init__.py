"""LRS models, one module per resource family."""

from .clients import LrsClient
from .documents import Document
from .statements import Attachment, Statement

__all__ = ["Attachment", "Document", "LrsClient", "Statement"]
