"""verbind: the match capability."""

__all__ = []
