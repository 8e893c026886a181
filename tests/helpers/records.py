"""反馈卡 and 纪实手册 for the API and console tests: issuing over HTTP, and a PDF's text."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime

from pypdf import PdfReader

from tests.helpers.activities import activity_body, check_in, published, signed_up
from tests.helpers.api import call, post
from tests.helpers.commitments import choose, complete_order
from tests.helpers.duties import liaison, report_body
from tests.helpers.wishes import fulfilled_wish

KINDS = ["pairing", "volunteer", "wish", "suggestion"]  # and the required "activity"
FRIDAY_14H = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)  # the activity's start, Beijing 14:00
SATURDAY_10H = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)  # 周六报到, Beijing 10:00

CARD_BODY = {
    "from": "2026-01-01",
    "to": "2026-12-31",
    "evaluation": "excellent",
    "comment": "服务群众积极主动，认真兑现承诺。",
}


def cards_path(member) -> str:
    return f"/staff/members/{member.id}/feedback-cards"


def issue(client, staff, member, **overrides):
    return call(client, staff, "post", cards_path(member), {**CARD_BODY, **overrides})


def pdf_text(data: bytes) -> str:
    """Every page's extracted text, the pages joined, spaces and line breaks removed (a
    table's cells are laid out apart)."""
    assert data.startswith(b"%PDF-"), data[:20]
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(text.split())


def serve_everything(client, world, frozen_clock, member=None) -> None:
    """member does one of everything over HTTP, as in tests/commitments: chooses the 1+X
    kinds, completes a rated order, fulfils a wish, makes a suggestion, visits a paired
    household, checks in to an activity (the clock is moved to its start) and reports at
    the liaison venue on the Saturday after. Needs a wish catalog item
    (tests/records/conftest.py `wish_item`)."""
    a = world.a
    member = member or a.member
    assert choose(client, member, KINDS).status_code == 200
    complete_order(client, a, world.item, member, rate=True)
    fulfilled_wish(client, dataclasses.replace(a, member=member))
    made = post(
        client, member, "/suggestions", {"community_id": a.community.id, "text": "楼道灯坏了"}
    )
    assert made.status_code == 201, made.get_json()
    household = {"name": "赵大娘", "phone": "13900001111", "address": "东湖区百花洲路3号1栋102"}
    pairing = post(client, member, "/member/pairings", household).get_json()
    visit = {"date": "2026-11-26", "note": "陪老人聊天", "photos": []}
    visited = post(client, member, f"/member/pairings/{pairing['id']}/visits", visit)
    assert visited.status_code == 201, visited.get_json()
    activity = published(client, a.staff, activity_body(a.community))
    signed_up(client, member, activity["id"])
    frozen_clock.move_to(FRIDAY_14H)
    checked = check_in(client, member, activity["id"], {"code": activity["checkin_code"]})
    assert checked.status_code == 200, checked.get_json()
    station = liaison(a.community)
    frozen_clock.move_to(SATURDAY_10H)
    reported = post(client, member, "/member/checkins", report_body(station))
    assert reported.status_code == 201, reported.get_json()
