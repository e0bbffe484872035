"""verbind: the reach capability."""

__all__ = []
