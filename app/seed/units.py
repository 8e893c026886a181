"""Demo co-building units ("5+1": five per demo community), a demo unit account, the demo
members bound to their units, a community 1+X item and the demo member's commitments."""

from __future__ import annotations

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User, UserRole
from app.clock import beijing_today, utcnow
from app.commitments.models import Commitment, CommitmentItem, CommitmentKind
from app.extensions import db
from app.members.models import MemberProfile
from app.seed import people_data
from app.seed.tally import Tally
from app.units.models import CoBuildingUnit, UnitAccount, UnitKind

ORGAN, FIRM, NEW = UnitKind.ORGAN, UnitKind.ENTERPRISE, UnitKind.NEW_ORGANISATION
# community code → (name, kind, contact, phone); the demo members' units among them.
UNITS = {
    "demo-a": [
        ("南昌市东湖区民政局", ORGAN, "万卫国", "13907910001"),
        ("江西省机关事务管理局", ORGAN, "胡建新", "13907910002"),
        ("南昌市东湖区卫生健康委员会", ORGAN, "熊丽华", "13907910003"),
        ("国网南昌供电公司东湖供电所", FIRM, "涂志勇", "13907910004"),
        ("东湖区百花洲物业服务协会", NEW, "黄晓燕", "13907910005"),
    ],
    "demo-b": [
        ("南昌市公安局东湖分局", ORGAN, "付国强", "13907910006"),
        ("南昌市东湖区教育体育局", ORGAN, "程美华", "13907910007"),
        ("南昌市东湖区市场监督管理局", ORGAN, "喻志华", "13907910008"),
        ("江西洪城水业股份有限公司", FIRM, "聂文斌", "13907910009"),
        ("东湖区新联会志愿服务队", NEW, "邹春梅", "13907910010"),
    ],
}
UNIT_ACCOUNT = ("demo-unit", "南昌市东湖区民政局")  # username, unit: member-a1's unit
ITEM = ("demo-a", "楼道清洁", 2)  # a community's own 1+X item: community, title, target
# The demo member's commitments this year: the "1", volunteering, a wish, and the item.
COMMITTED = ("member-a1", [CommitmentKind.VOLUNTEER, CommitmentKind.WISH])


def load_units(tally: Tally, places: dict, people: dict) -> None:
    units: dict[str, CoBuildingUnit] = {}
    for code, specs in UNITS.items():
        community = places["communities"][code]
        for name, kind, contact, phone in specs:
            unit = tally.get_or_create(
                CoBuildingUnit,
                {"name": name},
                kind=kind.value,
                contact_name=contact,
                contact_phone=phone,
            )
            if community not in unit.communities:
                unit.communities.append(community)
            units[name] = unit
    bound = _bind_members(tally, units, people)
    _account(tally, units[UNIT_ACCOUNT[1]])
    tally.line(
        f"共建单位 {len(units)} 个（每个社区 5 个），{bound} 名党员绑定到本单位；"
        f"单位账号 {UNIT_ACCOUNT[0]}（密码 {people_data.DEMO_PASSWORD}）"
    )
    _commitments(tally, places, people)


def _bind_members(tally: Tally, units: dict, people: dict) -> int:
    bound = 0
    for spec in people_data.MEMBERS:
        unit = units.get(spec["unit"])
        profile = db.session.get(MemberProfile, _profile_id(people["users"][spec["code"]]))
        if unit is None or profile is None:
            continue
        tally.count(MemberProfile.__tablename__, created=profile.unit_id is None)
        if profile.unit_id is None:
            profile.unit_id = unit.id
        bound += 1
    return bound


def _profile_id(user: User) -> int | None:
    return db.session.scalar(select(MemberProfile.id).where(MemberProfile.user_id == user.id))


def _account(tally: Tally, unit: CoBuildingUnit) -> None:
    username = UNIT_ACCOUNT[0]
    user = tally.get_or_create(
        User,
        {"username": username},
        display_name=unit.name,
        password_hash=generate_password_hash(people_data.DEMO_PASSWORD),
    )
    tally.get_or_create(UserRole, {"user_id": user.id, "role": Role.UNIT.value})
    tally.get_or_create(UnitAccount, {"user_id": user.id}, unit_id=unit.id)


def _commitments(tally: Tally, places: dict, people: dict) -> None:
    code, title, target = ITEM
    community = places["communities"][code]
    item = tally.get_or_create(
        CommitmentItem,
        {"community_id": community.id, "title": title},
        target=target,
        created_by_id=people["staff"][code].id,
    )
    member = people["users"][COMMITTED[0]]
    year = beijing_today(utcnow()).year
    chosen = [(k.value, k.value, None, 1) for k in (CommitmentKind.ACTIVITY, *COMMITTED[1])]
    chosen.append((f"custom:{item.id}", CommitmentKind.CUSTOM.value, item.id, target))
    for key, kind, item_id, goal in chosen:
        tally.get_or_create(
            Commitment,
            {"member_id": member.id, "year": year, "key": key},
            community_id=community.id,
            kind=kind,
            item_id=item_id,
            target=goal,
        )
    tally.line(f"“1+X”自定项目“{title}”；{COMMITTED[0]} 认领了 {year} 年的 {len(chosen)} 项承诺")
