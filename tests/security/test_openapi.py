"""The OpenAPI document is valid OpenAPI and exact: schemathesis calls every operation as
anonymous, resident, member and staff and finds no server error, no answer that breaks its
schema and no undocumented status code; the accounts it uses keep working."""

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from openapi_spec_validator import validate
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.helpers.api import API, auth

MAX_EXAMPLES = 8  # per operation and role: bounded so that CI stays fast


def test_the_document_is_valid_openapi(client):
    validate(client.get(f"{API}/openapi.json").get_json())


def test_every_operation_documents_its_errors(client):
    spec = client.get(f"{API}/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            documented = set(operation["responses"])
            assert "414" in documented, (method, path)
            if "{" in path:
                assert "404" in documented, (method, path)
            if operation.get("security"):
                assert "401" in documented, (method, path)
            if "requestBody" in operation:
                assert {"413", "422"} <= documented, (method, path)


ROLE_USERS = {"anonymous": None, "resident": "a.resident", "member": "a.member", "staff": "a.staff"}


def test_every_operation_answers_as_documented(app, world, client):
    schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", app)
    users = {role: world.user(name) if name else None for role, name in ROLE_USERS.items()}
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            _fuzz(operation, users)
        except Exception as error:  # noqa: BLE001 - every operation's failure is reported
            failures.append(f"{operation.label}: {error}")
    assert failures == []
    for role, user in users.items():  # the accounts it used still work
        if user is not None:
            assert client.get(f"{API}/me", headers=auth(user)).status_code == 200, role


def _fuzz(operation, users) -> None:
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=operation.as_strategy())
    def run(case):
        for user in users.values():
            # Valid data may still be refused (another community's id, a state that forbids
            # the move): what must hold is that every answer is documented and fits its schema.
            case.call_and_validate(headers=auth(user), excluded_checks=[positive_data_acceptance])

    run()
