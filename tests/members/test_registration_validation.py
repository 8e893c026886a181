"""Bad input to registration and review: 422 naming the field, in Chinese, nothing written."""

import re

import pytest

from app.members.models import RegistrationStatus
from tests.helpers.api import API, assert_error, auth, get, post
from tests.helpers.db import fresh
from tests.helpers.members import (
    REGISTRATION,
    STAFF_MEMBERS,
    profile_count,
    registration,
    registration_body,
)
from tests.helpers.members import submit_registration as submit

CHINESE = re.compile(r"[\u4e00-\u9fff]")
MISSING = "<missing>"

BAD_FIELDS = [
    # missing
    ("name", MISSING),
    ("community_id", MISSING),
    ("unit_name", MISSING),
    ("letter_no", MISSING),
    # wrong type
    ("name", 123),
    ("name", ["张三"]),
    ("community_id", "1"),
    ("community_id", "abc"),
    ("community_id", True),
    ("community_id", 1.5),
    ("community_id", None),
    ("name", None),
    ("unit_name", {"a": 1}),
    ("letter_no", 2026),
    ("phone", 13812345678),
    ("skills", "水电维修"),
    ("skills", {"a": "b"}),
    ("skills", [1, 2]),
    ("skills", None),
    # empty or blank
    ("name", ""),
    ("name", "   "),
    ("unit_name", ""),
    ("letter_no", ""),
    ("skills", [""]),
    # too long
    ("name", "张" * 51),
    ("unit_name", "单" * 101),
    ("letter_no", "A" * 65),
    ("skills", ["长" * 21]),
    ("skills", [f"特长{i}" for i in range(11)]),
    # control characters
    ("name", "张\x00三"),
    ("name", "张\n三"),
    ("unit_name", "单位\x7f"),
    ("skills", ["水电\t维修"]),
    ("name", "张\x85三"),
    # format
    ("letter_no", "DH 2026"),
    ("letter_no", "介绍信001"),
    ("letter_no", "DH/2026"),
    ("phone", "12812345678"),
    ("phone", "1381234567"),
    ("phone", "138123456789"),
    ("phone", ""),
    # out of range or unknown community
    ("community_id", 0),
    ("community_id", -1),
    ("community_id", 999999),
    ("community_id", 2**31),
    ("community_id", 10**30),
]


def _assert_validation_error(response, field: str) -> None:
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert field in error["details"], error["details"]
    assert CHINESE.search(str(error["details"][field]))


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_bad_registration_field_is_422_and_writes_nothing(client, world, field, value):
    body = registration_body(world.a.community)
    if value == MISSING:
        del body[field]
    else:
        body[field] = value
    before = profile_count()
    _assert_validation_error(submit(client, world.a.resident, body), field)
    assert profile_count() == before


def test_optional_fields_may_be_left_out(client, world):
    body = registration_body(world.a.community)
    del body["skills"], body["phone"]
    response = submit(client, world.a.resident, body)
    assert response.status_code == 201
    assert response.get_json()["skills"] == [] and response.get_json()["phone"] is None


def test_unknown_field_is_422(client, world):
    body = registration_body(world.a.community, status="approved")
    _assert_validation_error(submit(client, world.a.resident, body), "status")
    assert profile_count(world.a.resident.id) == 0


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ("name=张三&community_id=1", "application/x-www-form-urlencoded"),
        ("张三", "text/plain"),
        ("{", "application/json"),
        ('{"name": "\\ud800"}', "application/json"),
        ("[1, 2]", "application/json"),
        ("null", "application/json"),
        ('"张三"', "application/json"),
        ("", "application/json"),
    ],
)
def test_non_json_or_malformed_body_is_422(client, world, data, content_type):
    before = profile_count()
    response = client.post(
        API + REGISTRATION,
        data=data.encode(),
        content_type=content_type,
        headers=auth(world.a.resident),
    )
    assert assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert profile_count() == before


def test_lone_surrogate_is_refused(client, world):
    community_id = world.a.community.id
    raw = (
        '{"name": "\\ud800", "community_id": '
        f'{community_id}, "unit_name": "单位", "letter_no": "A1"}}'
    )
    response = client.post(
        API + REGISTRATION,
        data=raw,
        content_type="application/json",
        headers=auth(world.a.resident),
    )
    _assert_validation_error(response, "name")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"reason": ""},
        {"reason": "   "},
        {"reason": "理" * 201},
        {"reason": 5},
        {"reason": None},
        {"reason": "理由\x01"},
        {"reason": ["理由"]},
    ],
)
def test_bad_reject_reason_is_422_and_changes_nothing(client, world, body):
    obj = registration(world.a.community)
    response = post(client, world.a.staff, f"{STAFF_MEMBERS}/{obj.id}/reject", body)
    _assert_validation_error(response, "reason")
    assert fresh(obj).status == RegistrationStatus.PENDING


@pytest.mark.parametrize(
    "query",
    [
        "status=done",
        "status=",
        "status=PENDING",
        "limit=0",
        "limit=101",
        "limit=abc",
        "cursor=not-a-cursor",
        "cursor=" + "x" * 300,
    ],
)
def test_bad_list_query_is_422(client, world, query):
    response = get(client, world.a.staff, f"{STAFF_MEMBERS}?{query}")
    _assert_validation_error(response, query.split("=")[0])
