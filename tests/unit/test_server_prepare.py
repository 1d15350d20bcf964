"""prepare_data: the explicit step that creates and seeds both databases before serving."""

from __future__ import annotations

from sqlalchemy import func, select

from mock_sites import jcjy, office
from mock_sites.common.config import MockConfig
from mock_sites.office.models import Account
from mock_sites.server import prepare_data


def _accounts(config: MockConfig) -> int:
    with office.create_app(config).extensions["db_factory"]() as db:
        return db.scalar(select(func.count()).select_from(Account))


def test_both_databases_are_created_and_seeded_once(tmp_path) -> None:
    config = MockConfig(data_dir=tmp_path, applications=5)
    prepare_data(config)
    for site in (office, jcjy):
        assert site.DATABASE.path(config).is_file()
    seeded = _accounts(config)
    assert seeded > 0
    prepare_data(config)  # a prepared directory is left as it is
    assert _accounts(config) == seeded
