"""Password hashes of the demo and registered accounts."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

#: scrypt with N=2^14, r=8, p=1: the scrypt paper's setting for interactive logins (about 35 ms
#: here). Werkzeug's default N=2^15 costs about 110 ms, and a mock site hashes on every login of
#: every test. Stored hashes carry their parameters, so older databases still verify.
PASSWORD_HASH_METHOD = "scrypt:16384:8:1"


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=PASSWORD_HASH_METHOD)


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)
