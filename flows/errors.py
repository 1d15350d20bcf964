"""The two kinds of failure an automated review meets, as the RPA world names them.

- :class:`BusinessError`: the site answered, and the answer is "no" or the data is wrong (nothing
  待审核, a decision refused, a grant that did not take). Retrying changes nothing: report it and
  go on with the next item.
- :class:`ApplicationError`: the work could not be done this time (a login that timed out, a
  server error, a browser that crashed). Retry within bounds, then report.

Playwright's own errors (time-outs, a closed page) and failed expectations count as application
failures: the screen was not what the flow expected.
"""

from __future__ import annotations


class BusinessError(Exception):
    """The site refused, or the data is not as required; the (Chinese) message says why."""


class ApplicationError(Exception):
    """A technical failure (time-out, 5xx, crash, expired login); the message says what."""


class LoginExpired(ApplicationError):
    """The site asked for the login again (登录已超时): log in, then retry."""


def is_business(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) is a business failure rather than an application one."""
    cause = getattr(error, "cause", None)
    if isinstance(cause, BaseException):
        error = cause
    return isinstance(error, BusinessError)
