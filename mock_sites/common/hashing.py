"""Hashes: the passwords of accounts, keyed digests of one-time codes (captcha, SMS login)."""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

#: scrypt with N=2^14, r=8, p=1: the scrypt paper's setting for interactive logins (about 35 ms
#: here). Werkzeug's default N=2^15 costs about 110 ms, and a mock site hashes on every login of
#: every test. Stored hashes carry their parameters, so older databases still verify.
PASSWORD_HASH_METHOD = "scrypt:16384:8:1"


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=PASSWORD_HASH_METHOD)


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


def keyed_digest(text: str) -> str:
    """HMAC-SHA256 of ``text`` under the current site's secret key (hex)."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
