"""GET /catalog: categories by kind then position, active items only, a fixed number of
queries however large the catalog."""

import pytest
from sqlalchemy import select

from app.catalog.models import CatalogItem, Category
from app.extensions import db
from tests.helpers.api import assert_error
from tests.helpers.queries import count_queries


def add_category(kind: str, name: str, position: int = 0, items=(("服务", 10),)) -> Category:
    category = Category(kind=kind, name=name, position=position)
    for item_position, (item_name, points) in enumerate(items):
        category.items.append(
            CatalogItem(
                name=item_name,
                points=points,
                position=item_position,
                response_hours=12,
                completion_hours=48,
                skill="水电维修",
            )
        )
    db.session.add(category)
    db.session.flush()
    return category


def test_catalog_orders_by_kind_then_position(app, client):
    add_category("volunteer", "治安巡逻", 0)
    add_category("social", "水电维修", 1)
    add_category("public", "社保医保", 1)
    add_category("social", "家政保洁", 0)
    add_category("public", "政务代办", 0)
    db.session.commit()
    response = client.get("/api/v1/catalog")
    assert response.status_code == 200
    names = [(c["kind"], c["name"]) for c in response.get_json()["categories"]]
    assert names == [
        ("public", "政务代办"),
        ("public", "社保医保"),
        ("social", "家政保洁"),
        ("social", "水电维修"),
        ("volunteer", "治安巡逻"),
    ]


def test_catalog_item_shape_and_order(app, client):
    category = add_category("social", "水电维修", items=[("水龙头维修", 10), ("电路检修", 15)])
    category.items[0].position = 5  # moved to the end
    db.session.commit()
    circuit_id = db.session.scalar(select(CatalogItem.id).where(CatalogItem.name == "电路检修"))
    body = client.get("/api/v1/catalog").get_json()
    [dumped] = body["categories"]
    assert dumped == {
        "id": category.id,
        "name": "水电维修",
        "kind": "social",
        "kind_label": "社会服务",
        "items": dumped["items"],
    }
    assert [i["name"] for i in dumped["items"]] == ["电路检修", "水龙头维修"]
    item = dumped["items"][0]
    assert item == {
        "id": circuit_id,
        "name": "电路检修",
        "points": 15,
        "response_hours": 12,
        "completion_hours": 48,
        "skill": "水电维修",
    }


def test_catalog_hides_inactive_items(app, client):
    category = add_category("public", "政务代办", items=[("代办居住证", 10), ("已停办事项", 5)])
    category.items[1].is_active = False
    db.session.commit()
    [dumped] = client.get("/api/v1/catalog").get_json()["categories"]
    assert [i["name"] for i in dumped["items"]] == ["代办居住证"]


@pytest.mark.parametrize("kind", ["public", "social", "volunteer"])
def test_catalog_kind_filter(app, client, kind):
    for other in ("public", "social", "volunteer"):
        add_category(other, f"{other}分类")
    db.session.commit()
    response = client.get(f"/api/v1/catalog?kind={kind}")
    assert response.status_code == 200
    assert [c["kind"] for c in response.get_json()["categories"]] == [kind]


@pytest.mark.parametrize("kind", ["PUBLIC", "wish", "", "public,social"])
def test_catalog_invalid_kind_is_422(app, client, kind):
    response = client.get("/api/v1/catalog", query_string={"kind": kind})
    assert "kind" in assert_error(response, 422, "VALIDATION_ERROR")["details"]


def test_catalog_needs_no_token(app, client):
    add_category("public", "政务代办")
    db.session.commit()
    response = client.get("/api/v1/catalog", headers={"Authorization": "Bearer garbage"})
    assert response.status_code == 200


def test_catalog_query_count_does_not_grow_with_items(app, client):
    add_category("public", "政务代办")
    db.session.commit()
    with count_queries() as small:
        assert client.get("/api/v1/catalog").status_code == 200
    for n in range(12):
        add_category(
            ["public", "social", "volunteer"][n % 3],
            f"分类{n}",
            n,
            items=[(f"服务{n}-{k}", k + 1) for k in range(8)],
        )
    db.session.commit()
    with count_queries() as large:
        body = client.get("/api/v1/catalog").get_json()
    assert sum(len(c["items"]) for c in body["categories"]) == 1 + 12 * 8
    assert len(large) == len(small) <= 2


def test_catalog_revalidates_with_its_etag(app, client):
    add_category("social", "水电维修", 1)
    db.session.commit()
    first = client.get("/api/v1/catalog")
    etag = first.headers["ETag"]

    same = client.get("/api/v1/catalog", headers={"If-None-Match": etag})
    add_category("volunteer", "治安巡逻", 0)
    db.session.commit()
    changed = client.get("/api/v1/catalog", headers={"If-None-Match": etag})

    assert same.status_code == 304 and same.data == b""
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
