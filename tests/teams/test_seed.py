"""`flask seed demo` makes the demo communities' teams of their approved members, once."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.org.models import Community
from tests.helpers.api import API
from tests.helpers.teams import team_count


def seed(app) -> str:
    result = app.test_cli_runner().invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_demo_communities_have_teams_with_leaders_members_and_categories(app, client):
    output = seed(app)
    assert "志愿服务团队" in output
    for code in ("demo-a", "demo-b"):
        community = db.session.scalar(select(Community).where(Community.code == code))
        teams = client.get(f"{API}/communities/{community.id}/teams").get_json()["items"]
        assert len(teams) >= 2
        for team in teams:
            assert team["leader"] and team["members"] and team["categories"]
    kinds = {
        t["kind_label"]
        for c in db.session.scalars(select(Community.id))
        for t in client.get(f"{API}/communities/{c}/teams").get_json()["items"]
    }
    assert {"水电维修", "法律援助", "热心帮", "红袖标", "文化宣传"} <= kinds


def test_a_second_run_makes_no_team_again(app):
    seed(app)
    teams = team_count()
    seed(app)
    assert team_count() == teams
