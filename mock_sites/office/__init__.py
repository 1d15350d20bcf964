"""Mock of 全国学生资助办公系统 (bg.xszz.edu.cn): register, join an organisation, grant roles."""

from __future__ import annotations

from flask import Flask

from ..common.app import configure
from ..common.config import MockConfig
from ..common.control import control_blueprint
from ..common.db import init_db, recreate
from ..common.masking import mask_id, mask_mobile
from ..common.throttle import add_throttle
from . import applications, auth, join, members, organization, profile, register, sso
from .access import INVITE_THROTTLE, LOGIN_THROTTLE, current_user
from .models import Base, SmsMessage
from .seed import is_empty, seed_database, seeded_accounts

__all__ = ["create_app", "seeded_accounts"]

SYSTEM_NAME = "全国学生资助办公系统"


def create_app(config: MockConfig) -> Flask:
    app = Flask(__name__)
    configure(app, config, site="office", system_name=SYSTEM_NAME)
    factory = init_db(app, Base, config.data_dir / "office.sqlite")
    for name in (LOGIN_THROTTLE, INVITE_THROTTLE):
        add_throttle(app, name)

    def seed() -> None:
        with factory() as session:
            seed_database(session, config)
            session.commit()

    def reseed() -> None:
        recreate(app)
        seed()

    with factory() as session:
        empty = is_empty(session)
    if empty:
        seed()

    for module in (auth, register, profile, organization, join, applications, members, sso):
        app.register_blueprint(module.bp)
    app.register_blueprint(control_blueprint("office", SmsMessage, reseed))

    @app.context_processor
    def _globals() -> dict:
        account = current_user()
        return {
            "current_user": account,
            "may_review": account is not None and applications.may_review(account),
            "may_view_members": account is not None and members.may_view(account),
            "mask_mobile": mask_mobile,
            "mask_id": mask_id,
        }

    return app
