"""Mock of 全国学生资助办公系统 (bg.xszz.edu.cn): register, join an organisation, grant roles."""

from __future__ import annotations

from flask import Flask

from ..common.app import configure
from ..common.config import MockConfig
from ..common.control import control_blueprint
from ..common.db import SiteDatabase, init_db
from ..common.masking import mask_id, mask_mobile
from ..common.throttle import add_throttle
from . import applications, auth, join, members, organization, profile, register, sso
from .access import INVITE_THROTTLE, LOGIN_THROTTLE, current_user
from .models import Account, Base, LoginSession, SmsMessage
from .seed import seed_database, seeded_accounts

__all__ = ["DATABASE", "create_app", "seeded_accounts"]

SYSTEM_NAME = "全国学生资助办公系统"
DATABASE = SiteDatabase(Base, "office.sqlite", seed_database, filled_by=Account)


def create_app(config: MockConfig) -> Flask:
    app = Flask(__name__)
    configure(app, config, site="office", system_name=SYSTEM_NAME, logins=LoginSession)
    init_db(app, DATABASE)
    for name in (LOGIN_THROTTLE, INVITE_THROTTLE):
        add_throttle(app, name)

    for module in (auth, register, profile, organization, join, applications, members, sso):
        app.register_blueprint(module.bp)
    app.register_blueprint(control_blueprint("office", SmsMessage))

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
