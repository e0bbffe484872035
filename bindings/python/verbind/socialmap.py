"""verbind: the socialmap capability."""

__all__ = []
