"""verbind: the coordinator's HTML report. See docs/report.md."""

__all__: list = []
