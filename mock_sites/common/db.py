"""SQLite via SQLAlchemy: one database file per site, one session per request.

Creating and seeding a database is a step of its own (``SiteDatabase.prepare``, called by
``mock_sites.server.prepare_data`` before the sites serve): an app only opens what is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from .config import MockConfig
from .site import site_config


@dataclass(frozen=True)
class SiteDatabase:
    """A site's database: its tables, its file in ``config.data_dir`` and its demo data."""

    base: type[DeclarativeBase]
    filename: str
    seed: Callable[[Session, MockConfig], None]  # adds the demo rows; the caller commits
    filled_by: type  # the table that is empty exactly when the database has no data yet

    def path(self, config: MockConfig) -> Path:
        return config.data_dir / self.filename

    def prepare(self, config: MockConfig) -> None:
        """Create the tables, and seed the database if it has no data yet."""
        engine = make_engine(self.path(config))
        try:
            self.base.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                if not session.scalar(select(func.count()).select_from(self.filled_by)):
                    self.seed(session, config)
        finally:
            engine.dispose()


def make_engine(path: Path) -> Engine:
    """Engine for a SQLite file, tuned for a threaded server (WAL, busy timeout)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 30},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def init_db(app: Flask, database: SiteDatabase) -> None:
    """Open the site's database and register a per-request session available as ``db()``."""
    engine = make_engine(database.path(site_config(app)))
    app.extensions["db_engine"] = engine
    app.extensions["db_factory"] = sessionmaker(engine, expire_on_commit=False)
    app.extensions["site_database"] = database

    @app.teardown_appcontext
    def _close(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


def db() -> Session:
    """The current request's session (created on first use)."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["db_factory"]()
    return g.db_session


def reseed(app: Flask) -> None:
    """Drop and recreate every table, then seed again (``/__mock__/reset``)."""
    database: SiteDatabase = app.extensions["site_database"]
    engine = app.extensions["db_engine"]
    database.base.metadata.drop_all(engine)
    database.base.metadata.create_all(engine)
    with app.extensions["db_factory"]() as session, session.begin():
        database.seed(session, site_config(app))
