"""Choices racing on PostgreSQL: the unique (member, year, key) keeps one of each."""

import pytest
from sqlalchemy import select

from app.commitments.models import Commitment
from app.extensions import db
from tests.helpers.api import API, auth
from tests.helpers.concurrency import all_at_once, racing_app
from tests.helpers.db import count_rows

pytestmark = pytest.mark.postgresql


def test_the_same_choice_sent_eight_times_at_once_commits_once(app, world):
    headers = auth(world.a.member)
    body = {"kinds": ["volunteer", "wish"]}
    with racing_app(8) as racing:

        def choose():
            with racing.app_context():
                response = racing.test_client().put(
                    f"{API}/member/commitments", json=body, headers=headers
                )
                return response.status_code, response.get_json()

        results = all_at_once([choose] * 8)
    assert {status for status, _ in results} <= {200, 409}
    assert any(status == 200 for status, _ in results)
    refused = [answer["error"]["code"] for status, answer in results if status == 409]
    assert set(refused) <= {"CONFLICT"}
    keys = set(db.session.scalars(select(Commitment.key)))
    assert keys == {"activity", "volunteer", "wish"}
    assert count_rows(Commitment) == 3
