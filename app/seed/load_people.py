"""The residents and members (报到党员) of `seed load`, community by community, numbered as
`app.seed.load_town.Town` lays them out."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from app.accounts.models import Role, User, UserRole
from app.members.models import MemberProfile, RegistrationStatus
from app.seed import load_data as words
from app.seed.bulk import BulkWriter
from app.seed.load_town import (
    Town,
    member_code,
    member_is_pending,
    resident_code,
    role_row,
    user_row,
)
from app.wechat.fake import fake_openid


def write_people(writer: BulkWriter, town: Town, now: datetime, rng: random.Random) -> None:
    sizes = town.sizes
    for ref in town.communities:
        users, roles, profiles = [], [], []
        for k in range(sizes.residents_per_community):
            n = town.person(ref.index, k)
            joined = now - timedelta(days=400 + rng.random() * 300)
            users.append(_wechat_user(town.resident_id(n), resident_code(n), n, "139", joined))
            roles.append(role_row(writer, town.resident_id(n), Role.RESIDENT, joined))
        for k in range(sizes.members_per_community):
            n = town.person(ref.index, k)
            user_id, joined = town.member_id(n), now - timedelta(days=380 + rng.random() * 20)
            users.append(_wechat_user(user_id, member_code(n), n + 17, "137", joined))
            roles.append(role_row(writer, user_id, Role.RESIDENT, joined))
            pending = member_is_pending(k)
            if not pending:
                roles.append(role_row(writer, user_id, Role.MEMBER, joined, community_id=ref.id))
            profiles.append(_profile(writer, town, ref, n, pending, joined, rng))
        writer.write(User, users)
        writer.write(UserRole, roles)
        writer.write(MemberProfile, profiles)


def _wechat_user(user_id: int, code: str, name: int, prefix: str, joined: datetime) -> dict:
    phone = words.mobile(prefix, name)
    return user_row(user_id, joined, name=name, phone=phone, openid=fake_openid(code))


def _profile(writer, town: Town, ref, n: int, pending: bool, joined: datetime, rng) -> dict:
    (profile_id,) = writer.ids(MemberProfile, 1)
    home = town.home(n)
    return {
        "id": profile_id,
        "user_id": town.member_id(n),
        "community_id": ref.id,
        "name": words.person_name(n + 17),
        "unit_name": words.UNITS[n % len(words.UNITS)],
        "letter_no": f"NC-JG-2026-{n:06d}",
        "phone": words.mobile("137", n + 17),
        "skills": list(words.SKILL_SETS[n % len(words.SKILL_SETS)]),
        "grid_id": home.grid_id,
        "building_id": home.building_id,
        "status": RegistrationStatus.PENDING if pending else RegistrationStatus.APPROVED,
        "reject_reason": None,
        "reviewed_by_id": None if pending else rng.choice(ref.staff_ids),
        "reviewed_at": None if pending else joined + timedelta(days=2),
        "created_at": joined,
    }
