"""Public reads come from ready answers: no query while nothing changed, a 304 for a client
that has the answer, and the new answer at once after a committed change."""

from __future__ import annotations

from app.cache import answers
from app.catalog.models import Category
from app.extensions import db
from tests.catalog.test_catalog_api import add_category
from tests.helpers.queries import count_queries


def test_an_unchanged_catalog_runs_no_query(app, client):
    catalog_of_one(client)
    first = client.get("/api/v1/catalog")
    with count_queries() as statements:
        again = client.get("/api/v1/catalog")
    assert statements == []
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == "no-cache"


def catalog_of_one(client) -> None:
    add_category("public", "政务代办")
    db.session.commit()


def test_the_etag_revalidates_as_a_bodiless_304(app, client):
    catalog_of_one(client)
    etag = client.get("/api/v1/catalog").headers["ETag"]
    same = client.get("/api/v1/catalog", headers={"If-None-Match": etag})
    other = client.get("/api/v1/catalog", headers={"If-None-Match": '"not-it"'})
    assert same.status_code == 304 and same.data == b"" and same.headers["ETag"] == etag
    assert other.status_code == 200 and other.get_json()["categories"]


def test_a_committed_change_is_seen_by_the_next_read(app, client):
    catalog_of_one(client)
    before = client.get("/api/v1/catalog").headers["ETag"]
    db.session.scalar(db.select(Category)).name = "政务服务"
    db.session.commit()
    after = client.get("/api/v1/catalog")
    assert after.headers["ETag"] != before
    assert after.get_json()["categories"][0]["name"] == "政务服务"


def test_a_rolled_back_change_keeps_the_answer(app, client):
    catalog_of_one(client)
    before = client.get("/api/v1/catalog").headers["ETag"]
    db.session.scalar(db.select(Category)).name = "未提交"
    db.session.flush()
    db.session.rollback()
    with count_queries() as statements:
        after = client.get("/api/v1/catalog")
    assert statements == [] and after.headers["ETag"] == before


def test_each_query_string_has_its_own_answer(app, client):
    add_category("public", "政务代办")
    add_category("social", "水电维修")
    db.session.commit()
    public = client.get("/api/v1/catalog?kind=public").get_json()["categories"]
    social = client.get("/api/v1/catalog?kind=social").get_json()["categories"]
    assert [c["name"] for c in public] == ["政务代办"]
    assert [c["name"] for c in social] == ["水电维修"]


def test_a_refused_query_is_not_kept(app, client):
    assert client.get("/api/v1/catalog?kind=nope").status_code == 422
    assert answers().get("catalog", "/api/v1/catalog?kind=nope") is None
    assert client.get("/api/v1/catalog?kind=public").status_code == 200
    assert answers().get("catalog", "/api/v1/catalog?kind=public") is not None


def test_communities_are_ready_answers_too(app, client, world):
    listed = client.get("/api/v1/communities").get_json()["items"]
    detail = client.get(f"/api/v1/communities/{world.a.community.id}")
    with count_queries() as statements:
        assert client.get("/api/v1/communities").get_json()["items"] == listed
        again = client.get(f"/api/v1/communities/{world.a.community.id}")
    assert statements == [] and again.data == detail.data
    world.a.community.name = "新名字社区"
    db.session.commit()
    names = [c["name"] for c in client.get("/api/v1/communities").get_json()["items"]]
    assert "新名字社区" in names
    assert client.get(f"/api/v1/communities/{world.a.community.id}").get_json()["name"] == (
        "新名字社区"
    )
