"""Writes to accounts: preferences for now; sign-up lives beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from commonplace.accounts.models import User

from .models import TextSize


def user_text_size_set(*, user: User, size: str) -> None:
    """Effects: writes User.text_size. Raises: ValueError for an unknown size."""
    if size not in TextSize.values:
        raise ValueError(size)
    user.text_size = size
    user.save(update_fields=["text_size"])


def user_language_set(*, user: User, language: str) -> None:
    """Effects: writes User.preferred_language."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
