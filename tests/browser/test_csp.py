"""The console and the API docs work under their Content-Security-Policy: the pages render
and act, and Chromium reports no violation of the policy on any of them."""

import pytest

from tests.helpers.browser import COMPLETED, SUBMITTED, open_order, screenshot, sign_in

# Recorded before any script of the page runs (an init script is exempt from the page's CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture
def watched(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.context.add_init_script(RECORD_VIOLATIONS)
    return page, messages


def assert_no_violation(page, messages):
    assert page.evaluate("window.__cspViolations") == []
    assert [m for m in messages if "Content Security Policy" in m] == []


def test_console_pages_work_under_the_policy(watched):
    page, messages = watched
    page.goto("/console/login")
    assert_no_violation(page, messages)
    sign_in(page, "demo-a-staff")
    for path in (
        "/console/",
        "/console/orders",
        "/console/members",
        "/console/members/registrations",
        "/console/orders/new",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert_no_violation(page, messages)

    page.goto("/console/orders")
    page.wait_for_function("typeof htmx !== 'undefined'")  # the queue's poll runs
    open_order(page, SUBMITTED)
    page.click("button:has-text('审核通过')")
    page.wait_for_selector(".flash-success")
    open_order(page, COMPLETED)
    assert_no_violation(page, messages)
    screenshot(page, "40-csp-order")


def test_the_api_docs_render_under_their_policy(watched):
    page, messages = watched
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "哨先队" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock")
    assert_no_violation(page, messages)
    screenshot(page, "41-api-docs")
