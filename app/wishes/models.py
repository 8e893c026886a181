"""微心愿: a wish is an order of kind `wish` (app.orders), riding on the order loop: posted
(submitted), screened by staff (approve, reject), published to the pool, lit by one member
(the grab), fulfilled with a photo (complete, which credits the item's points once) and
confirmed by its resident (rate). This row holds what a wish has beside its order."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, false
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import Model

WISH_KIND = "wish"


class Wish(Model):
    __tablename__ = "wishes"
    __table_args__ = (CheckConstraint("value_yuan > 0", name="value_positive"),)

    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True
    )
    # The order's, copied (an order never changes community): the wall reads its own rows.
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    value_yuan: Mapped[int]  # the wish's upper value, at most WISH_MAX_VALUE_YUAN
    # Whether the member who fulfilled it agreed to be named on the public wall (else masked,
    # as the resident always is); said when fulfilling.
    show_member_name: Mapped[bool] = mapped_column(default=False, server_default=false())
