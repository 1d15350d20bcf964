"""Logging out ends the session on the server (issue 12 point 3): a copied cookie is worthless."""

from __future__ import annotations

import shutil

from sqlalchemy import update
from unit_support import new_app

from mock_sites import office
from mock_sites.common.config import MockConfig
from mock_sites.common.hashing import hash_password
from mock_sites.office.models import Account

COOKIE = "office_session"
HOME = "/mainList/organization"


def copy_cookie(source, target) -> None:
    target.set_cookie(COOKIE, source.get_cookie(COOKIE).value)


def test_cookie_copied_before_logout_is_logged_out(as_user, new_browser, accounts) -> None:
    admin = as_user(accounts.grad_admin)
    thief = new_browser()
    copy_cookie(admin.client, thief.client)
    assert thief.get(HOME).status_code == 200  # the copy works while the login lasts
    admin.logout()
    response = thief.get(HOME)
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert admin.get(HOME).status_code == 302


def test_password_change_ends_every_session(as_user, new_browser, accounts, app) -> None:
    first, second = as_user(accounts.grad_admin), as_user(accounts.grad_admin)
    with app.extensions["db_factory"]() as session, session.begin():
        session.execute(update(Account).where(Account.mobile == accounts.grad_admin)
                        .values(password_hash=hash_password("Changed2024x")))
    for browser in (first, second):
        assert browser.get(HOME).status_code == 302
    assert new_browser().login(accounts.grad_admin, "Changed2024x").status_code == 302


def test_sessions_live_in_the_database(as_user, accounts, config: MockConfig, tmp_path) -> None:
    """A copy of the data directory (same secret key) carries the logins, as the e2e suite uses."""
    admin = as_user(accounts.grad_admin)
    copied = tmp_path / "copy"
    shutil.copytree(config.data_dir, copied, ignore=shutil.ignore_patterns("copy"))
    twin = new_app(office, MockConfig(data_dir=copied, seed=config.seed,
                                      secret_key=config.secret_key)).test_client()
    copy_cookie(admin.client, twin)
    assert twin.get(HOME).status_code == 200
    admin.logout()  # on the original: the copy keeps its own sessions
    assert twin.get(HOME).status_code == 200
