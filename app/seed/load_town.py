"""The places and people of `seed load`: streets, communities, grids and buildings, each
community's staff, residents and members (报到党员), and a street admin per street.

Everything is laid out by arithmetic, so that orders can be made for any of them without
keeping a million objects: the k-th resident of community c is person n = c + C·k (C the
number of communities), user id `resident_base + n`, login code `load-r{n}`; members
likewise (`load-m{n}`), every 20th of them still pending approval. Staff sign in as
`load-c{c:03d}-staff1` / `-staff2`, street admins as `load-s{s:02d}-admin`, all with the
demo password."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User, UserRole
from app.org.models import Building, Community, Grid, Street
from app.seed import load_data as words
from app.seed.bulk import BulkWriter
from app.seed.people_data import DEMO_PASSWORD

CODE_PREFIX = "load-"
GRIDS_PER_COMMUNITY, BUILDINGS_PER_GRID = 4, 6
STAFF_PER_COMMUNITY, COMMUNITIES_PER_STREET = 2, 6
PENDING_EVERY = 20  # the k-th member of a community with k % 20 == 19 awaits approval


@dataclass(frozen=True)
class Sizes:
    orders: int
    communities: int
    residents_per_community: int
    members_per_community: int

    @classmethod
    def for_orders(cls, orders: int) -> Sizes:
        """About 50 communities, 10 orders per resident and 300 per member at a million."""
        communities = min(50, max(2, orders // 1000))
        return cls(
            orders=orders,
            communities=communities,
            residents_per_community=max(5, orders // 10 // communities),
            members_per_community=max(3, orders // 300 // communities),
        )

    @property
    def streets(self) -> int:
        return -(-self.communities // COMMUNITIES_PER_STREET)


@dataclass(frozen=True)
class Place:
    grid_id: int
    building_id: int
    address: str


@dataclass(frozen=True)
class CommunityRef:
    index: int
    id: int
    staff_ids: tuple[int, ...]
    places: tuple[Place, ...]


@dataclass(frozen=True)
class Town:
    sizes: Sizes
    communities: tuple[CommunityRef, ...]
    resident_base: int
    member_base: int

    def person(self, community: int, k: int) -> int:
        return community + self.sizes.communities * k

    def resident_id(self, n: int) -> int:
        return self.resident_base + n

    def member_id(self, n: int) -> int:
        return self.member_base + n

    def home(self, n: int) -> Place:
        """Where person n of either list lives, in their community."""
        places = self.communities[n % self.sizes.communities].places
        return places[(n // self.sizes.communities) % len(places)]


def member_is_pending(k: int) -> bool:
    return k % PENDING_EVERY == PENDING_EVERY - 1


def resident_code(n: int) -> str:
    return f"{CODE_PREFIX}r{n}"


def member_code(n: int) -> str:
    return f"{CODE_PREFIX}m{n}"


def staff_username(community: int, j: int = 1) -> str:
    return f"{CODE_PREFIX}c{community:03d}-staff{j}"


def build_town(writer: BulkWriter, sizes: Sizes, now: datetime) -> Town:
    """Writes the places and the staff, and numbers the residents and members (written by
    `app.seed.load_people`)."""
    streets = _write_streets(writer, sizes)
    community_ids = writer.ids(Community, sizes.communities)
    writer.write(Community, [_community(c, i, streets) for c, i in enumerate(community_ids)])
    staff = _write_staff(writer, sizes, list(community_ids), streets, now)
    residents = writer.ids(User, sizes.communities * sizes.residents_per_community)
    members = writer.ids(User, sizes.communities * sizes.members_per_community)
    refs = tuple(
        CommunityRef(c, community_ids[c], staff[c], _write_places(writer, c, community_ids[c]))
        for c in range(sizes.communities)
    )
    return Town(sizes, refs, residents.start, members.start)


def _write_streets(writer: BulkWriter, sizes: Sizes) -> list[int]:
    ids = writer.ids(Street, sizes.streets)
    rows = [
        {
            "id": street_id,
            "code": f"{CODE_PREFIX}s{s:02d}",
            "name": f"{words.STREET_STEMS[s % len(words.STREET_STEMS)]}街道（{s + 1}）",
            "district": words.DISTRICTS[s % len(words.DISTRICTS)],
        }
        for s, street_id in enumerate(ids)
    ]
    writer.write(Street, rows)
    return list(ids)


def _community(c: int, community_id: int, streets: list[int]) -> dict:
    stem = words.COMMUNITY_STEMS[c % len(words.COMMUNITY_STEMS)]
    return {
        "id": community_id,
        "code": f"{CODE_PREFIX}c{c:03d}",
        "name": f"{stem}社区" + (f"（{c // len(words.COMMUNITY_STEMS) + 1}）" if c >= 30 else ""),
        "street_id": streets[c // COMMUNITIES_PER_STREET],
        "address": f"{_road(c, 0)} {c + 1} 号",
    }


def _road(c: int, g: int) -> str:
    return words.ROADS[(c * GRIDS_PER_COMMUNITY + g) % len(words.ROADS)]


def _write_staff(writer, sizes, community_ids, streets, now) -> list[tuple[int, ...]]:
    """Two staff per community and an admin per street; returns each community's staff ids."""
    password_hash = generate_password_hash(DEMO_PASSWORD)
    users, roles, staff = [], [], []
    for c, community_id in enumerate(community_ids):
        ids = writer.ids(User, STAFF_PER_COMMUNITY)
        staff.append(tuple(ids))
        for j, user_id in enumerate(ids, start=1):
            users.append(_account(user_id, staff_username(c, j), password_hash, c * 3 + j, now))
            roles.append(role_row(writer, user_id, Role.STAFF, now, community_id=community_id))
    for s, street_id in enumerate(streets):
        (user_id,) = writer.ids(User, 1)
        username = f"{CODE_PREFIX}s{s:02d}-admin"
        users.append(_account(user_id, username, password_hash, 1000 + s, now))
        roles.append(role_row(writer, user_id, Role.STREET_ADMIN, now, street_id=street_id))
    writer.write(User, users)
    writer.write(UserRole, roles)
    return staff


def _account(user_id: int, username: str, password_hash: str, n: int, now: datetime) -> dict:
    return user_row(user_id, now, name=n, username=username, password_hash=password_hash)


def user_row(user_id: int, created_at: datetime, *, name: int, phone=None, **login) -> dict:
    """A users row; `login` is an openid, or a username and password hash."""
    return {
        "id": user_id,
        "openid": login.get("openid"),
        "unionid": None,
        "session_key": None,
        "username": login.get("username"),
        "password_hash": login.get("password_hash"),
        "display_name": words.person_name(name),
        "phone": phone,
        "is_active": True,
        "created_at": created_at,
        "last_login_at": None,
    }


def role_row(writer: BulkWriter, user_id: int, role: Role, at: datetime, **scope) -> dict:
    (role_id,) = writer.ids(UserRole, 1)
    return {
        "id": role_id,
        "user_id": user_id,
        "role": role.value,
        "community_id": scope.get("community_id"),
        "street_id": scope.get("street_id"),
        "created_at": at,
    }


def _write_places(writer: BulkWriter, c: int, community_id: int) -> tuple[Place, ...]:
    grid_ids = writer.ids(Grid, GRIDS_PER_COMMUNITY)
    grid_rows = [
        {"id": grid_id, "community_id": community_id, "name": f"第{g + 1}网格"}
        for g, grid_id in enumerate(grid_ids)
    ]
    writer.write(Grid, grid_rows)
    places, rows = [], []
    for g, grid_id in enumerate(grid_ids):
        for b, building_id in enumerate(writer.ids(Building, BUILDINGS_PER_GRID)):
            name = f"{_road(c, g)} {10 + g} 号 {b + 1}栋"
            places.append(Place(grid_id, building_id, name))
            rows.append(
                {
                    "id": building_id,
                    "grid_id": grid_id,
                    "name": name,
                    "address": name,
                }
            )
    writer.write(Building, rows)
    return tuple(places)
