"""`seed demo`, step 6: the merchants of each community's service circle, the demo merchant
accounts, and the services residents confirmed (便民服务积分)."""

from __future__ import annotations

from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User, UserRole
from app.merchants.models import Merchant, MerchantService
from app.merchants.services import POINTS_PER_SERVICE
from app.seed import merchants_data as data
from app.seed.people_data import DEMO_PASSWORD
from app.seed.tally import Tally


def load_merchants(tally: Tally, places: dict, people: dict) -> None:
    password_hash = generate_password_hash(DEMO_PASSWORD)
    points: dict[str, int] = {}
    for name, *_ in data.SERVICES:
        points[name] = points.get(name, 0) + POINTS_PER_SERVICE
    merchants = {}
    for (
        code,
        category,
        name,
        address,
        lat,
        lng,
        phone,
        hours,
        services,
        trusted,
        login,
    ) in data.MERCHANTS:
        community = places["communities"][code]
        account = _account(tally, login, name, community.id, password_hash) if login else None
        merchants[name] = tally.get_or_create(
            Merchant,
            {"name": name},
            community_id=community.id,
            category=category,
            address=address,
            latitude=lat,
            longitude=lng,
            phone=phone,
            opening_hours=[dict(h) for h in hours],
            services=list(services),
            service_points=points.get(name, 0),  # what its confirmations below add up to
            trusted=trusted,
            account_id=account.id if account else None,
        )
    for name, resident, day, service in data.SERVICES:
        merchant = merchants[name]
        user = people["users"][resident] if resident else None
        tally.get_or_create(
            MerchantService,
            {"merchant_id": merchant.id, "user_id": user.id if user else None, "day": day},
            recorded_by=user.id if user else people["staff"][_code_of(merchant, places)].id,
            service=service,
            points=POINTS_PER_SERVICE,
        )
    logins = [m[-1] for m in data.MERCHANTS if m[-1]]
    tally.line(
        f"{len(data.MERCHANTS)} 家商户，{len(data.SERVICES)} 次便民服务；"
        f"商户账号 {', '.join(logins)}（密码 {DEMO_PASSWORD}）"
    )


def _account(tally: Tally, username: str, name: str, community_id: int, password_hash) -> User:
    user = tally.get_or_create(
        User, {"username": username}, display_name=name, password_hash=password_hash
    )
    tally.get_or_create(
        UserRole, {"user_id": user.id, "role": Role.MERCHANT.value}, community_id=community_id
    )
    return user


def _code_of(merchant: Merchant, places: dict) -> str:
    return next(c for c, obj in places["communities"].items() if obj.id == merchant.community_id)
