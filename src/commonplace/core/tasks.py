"""The platform's one background-task framework: django-tasks (Django 6's `django.tasks`).

Moving to Django 6 changes the import below and nothing else. Tasks take primary keys and
plain JSON values; services enqueue them after commit so no worker sees a rolled-back row.
"""

from functools import partial
from typing import Any

from django.db import transaction
from django_tasks import task
from django_tasks.base import Task

__all__ = ["enqueue_on_commit", "task"]


def enqueue_on_commit(task_: Task[Any, Any], /, **kwargs: Any) -> None:
    """Enqueue `task_` with keyword arguments once the current transaction commits."""
    transaction.on_commit(partial(task_.enqueue, **kwargs))
