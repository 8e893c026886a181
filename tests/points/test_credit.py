from app.extensions import db
from app.orders.models import OrderStatus
from app.orders.points import credit_points
from app.points.models import PointsEntry
from app.points.queries import balance
from tests.helpers import factories
from tests.helpers.db import count_rows


def test_an_order_credits_its_member_once(world):
    order = factories.order(
        world.a.community,
        world.a.resident,
        world.item,
        status=OrderStatus.COMPLETED,
        member_obj=world.a.member,
    )
    assert credit_points(order) is True
    assert credit_points(order) is False
    db.session.commit()
    assert count_rows(PointsEntry) == 1
    assert balance(world.a.member.id) == world.item.points
