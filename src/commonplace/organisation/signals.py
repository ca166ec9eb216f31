"""Signals of the tree, for apps above it that keep copies of a unit's place (people's branch)."""

from django.dispatch import Signal

# Sent after `unit_move` commits its new paths; `unit` is the moved unit, reloaded.
unit_moved = Signal()
