"""Authenticating a bearer-token call costs one indexed query: the user with their roles."""

from miniprogram_api.security import auth_required, current_user
from tests.helpers.api import auth
from tests.helpers.queries import count_queries


def test_a_token_is_checked_in_one_query_roles_included(app, world):
    member = world.a.member
    view = auth_required()(lambda: current_user())
    with app.app_context(), app.test_request_context(headers=auth(member)):
        with count_queries() as statements:
            user = view()
            roles = sorted(user.role_names)
        assert user.id == member.id and roles == ["member", "resident"]
        assert len(statements) == 1, statements
