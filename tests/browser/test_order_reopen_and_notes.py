"""重新办理 and 内部备注 in a real browser: an unsatisfied follow-up call opens the reopen
form, the reopened order is back in 待派单 with the reason on its timeline; a note is added
and listed for staff only."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.models import OrderNote
from app.orders.models import OrderStatus as S
from tests.helpers.browser import (
    RATED,
    demo_order,
    flash,
    no_sideways_scrolling,
    open_order,
    screenshot,
    sign_in,
    status_label,
)


def test_reopen_after_an_unsatisfied_follow_up_and_add_a_note(page, demo):
    sign_in(page, "demo-a-staff")
    order = open_order(page, RATED)
    assert page.locator("#reopen-form").count() == 0
    page.check("input[name=reached][value='1']")
    page.check("input[name=satisfied][value='0']")
    page.click("#follow-up-form button[type=submit]")
    assert flash(page) == "回访已记录"

    page.click("#reopen summary")
    page.fill("#reopen-reason", "居民反映声控灯又不亮了")
    screenshot(page, "22-reopen")
    page.click("#reopen-form button[type=submit]")
    assert flash(page) == "工单已重新办理，回到待派单"
    assert status_label(page) == "待派单"
    timeline = page.locator("#timeline").inner_text()
    assert "重新办理" in timeline and "居民反映声控灯又不亮了" in timeline
    assert page.locator("#dispatch-form").count() == 1
    reopened = demo_order(RATED)
    assert (reopened.status, reopened.member_id) == (S.APPROVED, None)

    page.fill("#note-body", "居民白天不在家，\n晚上七点后上门")
    page.click("#note-form button[type=submit]")
    assert flash(page) == "备注已保存，仅工作人员可见"
    assert "晚上七点后上门" in page.locator("#notes").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "23-notes")
    note = db.session.scalar(select(OrderNote).where(OrderNote.order_id == order.id))
    assert note is not None and note.body == "居民白天不在家，\n晚上七点后上门"
