"""``<row_id:name>`` in routes: the id of a table row (an application, a material's number)."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

from .params import ROW_ID_MAX


class RowIdConverter(IntegerConverter):
    """ASCII digits only (werkzeug's ``int`` matches any script's digits), 0 … ``ROW_ID_MAX``."""

    regex = r"[0-9]+"

    def __init__(self, map: Map) -> None:
        super().__init__(map, max=ROW_ID_MAX)


def install_converters(app: Flask) -> None:
    """Before any blueprint is registered: rules are parsed when they are added."""
    app.url_map.converters["row_id"] = RowIdConverter
