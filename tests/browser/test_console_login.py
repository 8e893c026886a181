"""Signing in and out of the console in a real browser."""

from tests.helpers.browser import screenshot, sign_in


def test_staff_signs_in_and_out(page):
    page.goto("/console/")
    assert "/console/login" in page.url
    screenshot(page, "01-login")

    sign_in(page, "demo-a-staff")
    assert "百花洲社区" in page.locator(".whoami").inner_text()

    page.click("text=退出登录")
    page.wait_for_url("**/console/login")
    page.goto("/console/")
    assert "/console/login" in page.url


def test_wrong_password_is_shown_next_to_the_form(page):
    page.goto("/console/login")
    page.fill("#username", "demo-a-staff")
    page.fill("#password", "wrong-password")
    page.click("button[type=submit]")

    assert page.locator(".flash-error").inner_text() == "用户名或密码错误"
    assert page.input_value("#username") == "demo-a-staff"
