"""SQLite via SQLAlchemy: one database file per site, one session per request."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, g
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


def make_engine(path: Path) -> Engine:
    """Engine for a SQLite file, tuned for a threaded server (WAL, busy timeout)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 30},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def init_db(app: Flask, base: type[DeclarativeBase], path: Path) -> sessionmaker[Session]:
    """Create tables and register a per-request session available as ``db()``."""
    engine = make_engine(path)
    base.metadata.create_all(engine)
    factory = sessionmaker(engine, expire_on_commit=False)
    app.extensions["db_engine"] = engine
    app.extensions["db_factory"] = factory
    app.extensions["db_base"] = base

    @app.teardown_appcontext
    def _close(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()

    return factory


def db() -> Session:
    """The current request's session (created on first use)."""
    from flask import current_app

    if "db_session" not in g:
        g.db_session = current_app.extensions["db_factory"]()
    return g.db_session


def recreate(app: Flask) -> None:
    """Drop and recreate every table (used by /__mock__/reset)."""
    engine = app.extensions["db_engine"]
    base = app.extensions["db_base"]
    base.metadata.drop_all(engine)
    base.metadata.create_all(engine)
