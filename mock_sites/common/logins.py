"""Login sessions kept on the server, in the site's database: logging out ends them for good.

The signed session cookie names a login by a random token; the site's ``login_sessions`` table
holds its digest, who is logged in (``data``) and when the login started. A cookie copied before
退出登录 names a row that no longer exists, so it is logged out. Being in the database, the logins
travel with a copy of it (the e2e suite stores its reviewers' cookies once, then copies the data).
Everything else in the cookie (CSRF token, flashes, the 加入组织 wizard) stays there.
"""

from __future__ import annotations

import secrets

from flask import Flask, current_app, g, request, session
from sqlalchemy import JSON, Float, String, delete
from sqlalchemy.orm import Mapped, mapped_column

from . import clock
from .db import db
from .faults import faults
from .hashing import keyed_digest

_TOKEN = "login"  # the cookie session's key for the login token
_MODEL = "login_model"
#: What both sites say when ``session_expired()``.
LOGIN_EXPIRED = "登录已超时，请重新登录"
#: Requests that never act for a logged-in person: no database look-up.
UNGUARDED = ("/__mock__/", "/static/", "/common-static/", "/favicon.ico")


class LoginSessionMixin:
    """Columns of a login; each site declares ``class LoginSession(LoginSessionMixin, Base)``."""

    __tablename__ = "login_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)  # who is logged in, as the site put it
    started_at: Mapped[float] = mapped_column(Float, index=True)  # clock.seconds()
    checked_at: Mapped[float] = mapped_column(Float)  # last confirmed (jcjy: grant re-check)


def install_logins(app: Flask, model: type[LoginSessionMixin]) -> None:
    """Look the login up before every request. Install before ``install_csrf``: a login that
    has just timed out takes its CSRF token with it, and the refusal says why."""
    app.extensions[_MODEL] = model

    @app.before_request
    def _load() -> None:
        token = session.get(_TOKEN)
        if token is None or request.path.startswith(UNGUARDED):
            return
        row = db().get(model, keyed_digest(token))
        if row is None:  # logged out (here or in another copy of the cookie), or data reset
            session.clear()
        elif clock.seconds() - row.started_at > faults().session_lifetime_s:
            end_login_session()
            g.session_expired = True
        else:
            g.login = row


def _model() -> type[LoginSessionMixin]:
    return current_app.extensions[_MODEL]


def start_login_session(data: dict) -> None:
    """Replace the session with a fresh login (a new token: no session fixation)."""
    model, now = _model(), clock.seconds()
    token = secrets.token_urlsafe(32)
    database = db()
    database.execute(delete(model).where(model.started_at < now - faults().session_lifetime_s))
    database.add(model(token_hash=keyed_digest(token), data=dict(data), started_at=now,
                       checked_at=now))
    database.commit()
    session.clear()
    session[_TOKEN] = token


def end_login_session() -> None:
    """Log out: the login is deleted on the server, the cookie session emptied."""
    token = session.get(_TOKEN)
    if token is not None:
        model = _model()
        db().execute(delete(model).where(model.token_hash == keyed_digest(token)))
        db().commit()
    g.pop("login", None)
    session.clear()


def current_login() -> LoginSessionMixin | None:
    """This request's login (None when nobody is logged in)."""
    return g.get("login")


def session_expired() -> bool:
    """True when this request found the login past its lifetime (``session_lifetime_s``)."""
    return bool(g.get("session_expired"))


def confirm_login(data: dict) -> None:
    """Record that this request's login was confirmed now (``checked_at``), as ``data``."""
    login = current_login()
    if login is not None:
        login.data = dict(data)
        login.checked_at = clock.seconds()
        db().commit()
