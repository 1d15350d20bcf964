"""中央高校基层就业资助管理系统 (jcjy site) mock: ``create_app(config)``."""

from __future__ import annotations

from flask import Flask

from ..common.app import configure
from ..common.config import MockConfig
from ..common.control import control_blueprint
from ..common.db import SiteDatabase, init_db
from .access import current_user, install_expiry_redirect
from .formatting import install_filters
from .models import (
    APPROVED,
    PENDING,
    REJECTED,
    REVIEW_LABELS,
    ApplicationRecord,
    Base,
    LoginSession,
    SmsMessage,
)
from .store import seed

SYSTEM_NAME = "中央高校基层就业资助管理系统"
STATUS_TAGS = {PENDING: "tag-wait", APPROVED: "tag-ok", REJECTED: "tag-bad"}
DATABASE = SiteDatabase(Base, "jcjy.sqlite", seed, filled_by=ApplicationRecord)


def create_app(config: MockConfig) -> Flask:
    from . import auth, review, student

    app = Flask(__name__)
    configure(app, config, site="jcjy", system_name=SYSTEM_NAME, logins=LoginSession)
    init_db(app, DATABASE)
    install_filters(app)
    install_expiry_redirect(app)
    app.context_processor(lambda: {
        "current_user": current_user(), "status_tags": STATUS_TAGS, "review_labels": REVIEW_LABELS,
    })
    for blueprint in (auth.bp, review.bp, student.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(control_blueprint("jcjy", SmsMessage))
    return app
