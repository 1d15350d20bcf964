"""Screens without document loads (see ``static/screens.js``): redirects for that script."""

from __future__ import annotations

from flask import Flask, Response, request

HEADER = "X-Screen-Swap"
LOCATION = "X-Screen-Location"


def install_screen_swap(app: Flask) -> None:
    """Answer a redirect to a ``screens.js`` request as 200 with the target in ``LOCATION``.

    fetch() would follow the redirect itself, and a redirect to another origin would then fail
    (no CORS) after the server has already acted on the form; the script goes there instead."""

    @app.after_request
    def _redirect_for_script(response: Response) -> Response:
        if request.headers.get(HEADER) and response.status_code in (301, 302, 303, 307, 308):
            location = response.headers.get("Location", "/")
            response.status_code = 200
            response.headers[LOCATION] = location
            del response.headers["Location"]
            response.set_data(b"")
        response.vary.add(HEADER)
        return response
