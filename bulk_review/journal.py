"""The journal beside the worksheet (SQLite, append-only): what was exported, and for every row
applied, the intent before 确定 and the outcome after. An export still under way keeps each row
read in a draft, so that a killed export goes on from there; the finished export replaces it.

A row's state is read from its events, last one last:

- none, or ``failed`` last (nothing was submitted): still to do;
- ``intent`` or ``unknown`` last: 确定 may have reached the site: check there before anything;
- ``saved``: done (the site said so, or a check on the site found the decision as written);
- ``refused``: the site said no; reported, not tried again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

FILE_NAME = "审核日志.sqlite"
INTENT, SAVED, REFUSED, UNKNOWN, FAILED = "intent", "saved", "refused", "unknown", "failed"
KINDS = (INTENT, SAVED, REFUSED, UNKNOWN, FAILED)
TODO, DONE, IN_DOUBT = "todo", "done", "in_doubt"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS exports (
  export_id TEXT PRIMARY KEY, key TEXT NOT NULL, reviewer_hash TEXT NOT NULL,
  reviewer TEXT NOT NULL, unit TEXT NOT NULL, site_url TEXT NOT NULL, exported_at TEXT NOT NULL,
  tool_version TEXT NOT NULL, status_filter TEXT NOT NULL, worksheet TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS export_rows (
  export_id TEXT NOT NULL REFERENCES exports(export_id), application_no TEXT NOT NULL,
  detail_path TEXT NOT NULL, status TEXT NOT NULL, submitted_at TEXT NOT NULL,
  digest TEXT NOT NULL, name TEXT NOT NULL, exported TEXT NOT NULL,
  PRIMARY KEY (export_id, application_no));
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, export_id TEXT NOT NULL, application_no TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ({", ".join(repr(k) for k in KINDS)})),
  result TEXT NOT NULL, remark TEXT NOT NULL, message TEXT NOT NULL, screenshot TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_events_row ON events (export_id, application_no, id);
CREATE TABLE IF NOT EXISTS export_drafts (
  export_id TEXT PRIMARY KEY, key TEXT NOT NULL, reviewer_hash TEXT NOT NULL,
  site_url TEXT NOT NULL, status_filter TEXT NOT NULL, worksheet TEXT NOT NULL,
  started_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS draft_rows (
  export_id TEXT NOT NULL REFERENCES export_drafts(export_id), application_no TEXT NOT NULL,
  values_json TEXT NOT NULL, exported_json TEXT NOT NULL, PRIMARY KEY (export_id, application_no));
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, '审核日志只能追加，不能修改'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, '审核日志只能追加，不能删除'); END;
CREATE TRIGGER IF NOT EXISTS rows_no_update BEFORE UPDATE ON export_rows
  BEGIN SELECT RAISE(ABORT, '导出记录不能修改'); END;
"""


@dataclass(frozen=True)
class Export:
    export_id: str
    key: str
    reviewer_hash: str
    reviewer: str
    unit: str
    site_url: str
    exported_at: str
    tool_version: str
    status_filter: str
    worksheet: str


@dataclass(frozen=True)
class ExportedRow:
    application_no: str
    detail_path: str
    status: str
    submitted_at: str
    digest: str
    name: str
    exported: dict[str, str]  # the exported columns as written


@dataclass(frozen=True)
class Draft:
    """An export under way: what it is of (reviewer, site, filter, worksheet) and its key."""

    export_id: str
    key: str
    reviewer_hash: str
    site_url: str
    status_filter: str
    worksheet: str
    started_at: str


@dataclass(frozen=True)
class DraftRow:
    values: dict[str, str]  # the worksheet row as it will be written
    exported: ExportedRow


@dataclass(frozen=True)
class Event:
    application_no: str
    kind: str
    result: str
    remark: str
    message: str
    screenshot: str
    at: str


def journal_path(worksheet: Path) -> Path:
    """The journal of the folder the worksheet is in."""
    return worksheet.resolve().parent / FILE_NAME


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class Journal:
    """One journal file; every write is its own transaction (a kill loses nothing written)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    # --- export --------------------------------------------------------------------------
    def start_draft(self, draft: Draft) -> None:
        self._db.execute("INSERT INTO export_drafts VALUES (?,?,?,?,?,?,?)", (
            draft.export_id, draft.key, draft.reviewer_hash, draft.site_url, draft.status_filter,
            draft.worksheet, draft.started_at))

    def draft_for(self, reviewer_hash: str, status_filter: str, worksheet: str) -> Draft | None:
        """The latest unfinished export of this reviewer, filter and worksheet name (the site's
        address may differ: the embedded mock listens on a new port each run)."""
        found = self._db.execute(
            "SELECT * FROM export_drafts WHERE reviewer_hash = ? AND status_filter = ?"
            " AND worksheet = ? ORDER BY started_at DESC, rowid DESC LIMIT 1",
            (reviewer_hash, status_filter, worksheet)).fetchone()
        return Draft(*found) if found else None

    def save_draft_row(self, export_id: str, row: DraftRow) -> None:
        self._db.execute("INSERT OR REPLACE INTO draft_rows VALUES (?,?,?,?)", (
            export_id, row.exported.application_no, json.dumps(row.values, ensure_ascii=False),
            json.dumps(asdict(row.exported), ensure_ascii=False)))

    def draft_rows(self, export_id: str) -> dict[str, DraftRow]:
        rows = self._db.execute(
            "SELECT application_no, values_json, exported_json FROM draft_rows WHERE export_id = ?",
            (export_id,))
        return {r[0]: DraftRow(json.loads(r[1]), ExportedRow(**json.loads(r[2]))) for r in rows}

    def drop_draft(self, export_id: str) -> None:
        self._db.execute("BEGIN")
        self._drop_draft(export_id)
        self._db.execute("COMMIT")

    def _drop_draft(self, export_id: str) -> None:
        self._db.execute("DELETE FROM draft_rows WHERE export_id = ?", (export_id,))
        self._db.execute("DELETE FROM export_drafts WHERE export_id = ?", (export_id,))

    def save_export(self, export: Export, rows: list[ExportedRow]) -> None:
        """The export and its rows, in one transaction (its draft, if any, dropped)."""
        self._db.execute("BEGIN")
        self._drop_draft(export.export_id)
        self._db.execute("INSERT INTO exports VALUES (?,?,?,?,?,?,?,?,?,?)", (
            export.export_id, export.key, export.reviewer_hash, export.reviewer, export.unit,
            export.site_url, export.exported_at, export.tool_version, export.status_filter,
            export.worksheet))
        self._db.executemany("INSERT INTO export_rows VALUES (?,?,?,?,?,?,?,?)", [(
            export.export_id, row.application_no, row.detail_path, row.status, row.submitted_at,
            row.digest, row.name, json.dumps(row.exported, ensure_ascii=False)) for row in rows])
        self._db.execute("COMMIT")

    def export(self, export_id: str) -> Export | None:
        found = self._db.execute("SELECT * FROM exports WHERE export_id = ?", (export_id,)).fetchone()
        return Export(*found) if found else None

    def exported_rows(self, export_id: str) -> dict[str, ExportedRow]:
        rows = self._db.execute(
            "SELECT application_no, detail_path, status, submitted_at, digest, name, exported"
            " FROM export_rows WHERE export_id = ?", (export_id,))
        return {r[0]: ExportedRow(*r[:6], json.loads(r[6])) for r in rows}

    # --- apply ---------------------------------------------------------------------------
    def record(self, export_id: str, application_no: str, kind: str, result: str = "",
               remark: str = "", message: str = "", screenshot: str = "") -> None:
        self._db.execute(
            "INSERT INTO events (export_id, application_no, kind, result, remark, message,"
            " screenshot, at) VALUES (?,?,?,?,?,?,?,?)",
            (export_id, application_no, kind, result, remark, message, screenshot, now()))

    def events(self, export_id: str) -> dict[str, list[Event]]:
        """Every row's events, oldest first."""
        found: dict[str, list[Event]] = {}
        for r in self._db.execute(
            "SELECT application_no, kind, result, remark, message, screenshot, at FROM events"
            " WHERE export_id = ? ORDER BY id", (export_id,)):
            found.setdefault(r[0], []).append(Event(*r))
        return found

    def state(self, export_id: str, application_no: str) -> str:
        return state_of(self.events(export_id).get(application_no, []))


def state_of(events: list[Event]) -> str:
    """TODO, IN_DOUBT, DONE or REFUSED from a row's events (see the module's docstring)."""
    if not events or events[-1].kind == FAILED:
        return TODO
    last = events[-1].kind
    if last in (INTENT, UNKNOWN):
        return IN_DOUBT
    return DONE if last == SAVED else REFUSED


@contextmanager
def opened(path: Path) -> Iterator[Journal]:
    with closing(Journal(path)) as journal:
        yield journal
