"""verbind: evaluation over time (metrics per period and area). See docs/evaluate.md."""

__all__: list = []
