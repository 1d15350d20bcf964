"""A progress bar with ETA for long runs (rich), on the terminal's standard error."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

console = Console(stderr=True)


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("已用"), TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn(),
        console=console, transient=False,
    )
