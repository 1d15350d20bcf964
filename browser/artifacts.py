"""Allure attachments of Playwright artifacts (screenshot, video, trace); traces are scrubbed of
secrets first."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import allure
from allure_commons.types import AttachmentType

from .redaction import redact_trace

TRACE_MIME = "application/vnd.allure.playwright-trace"


def attach_artifact(kind: str, path: Path, secrets: Collection[str]) -> None:
    """Attach a screenshot, video or trace file to the current Allure test, if it has content."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    if kind == "trace":
        redact_trace(path, secrets)
        allure.attach.file(path, name="Playwright 追踪（trace）", attachment_type=TRACE_MIME,
                           extension="zip")
    elif kind == "video":
        allure.attach.file(path, name="录像", attachment_type=AttachmentType.WEBM)
    elif kind == "screenshot":
        allure.attach.file(path, name="截图", attachment_type=AttachmentType.PNG)
