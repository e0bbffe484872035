"""verbind: the store capability."""

__all__ = []
