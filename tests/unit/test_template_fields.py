"""A subscribe message's values are cut and cleaned to WeChat's rule for their keyword, and
WECHAT_TEMPLATES is read strictly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.notifications.templates import fit, fitted, parse_templates, templates_of


def test_thing_is_cut_to_20_characters_with_an_ellipsis():
    value = fit("thing4", "东湖区百花洲路1号2栋301室（进门左转第三户）")
    assert len(value) == 20 and value.endswith("…")
    assert fit("thing1", "日常保洁") == "日常保洁"


def test_control_characters_become_spaces_and_empty_values_a_dash():
    assert fit("thing2", "第一行\n第二行") == "第一行 第二行"
    assert fit("thing2", "  ") == "-"


def test_phrase_keeps_five_chinese_characters_only():
    assert fit("phrase2", "已派单") == "已派单"
    assert fit("phrase2", "OK 已经完成了服务") == "已经完成了"
    assert fit("phrase2", "done") == "通知"


def test_character_string_keeps_letters_digits_and_symbols_up_to_32():
    assert fit("character_string5", "工单 123-A") == "123-A"
    assert len(fit("character_string5", "x" * 40)) == 32


def test_time_and_date_are_written_in_beijing_time():
    at = datetime(2026, 12, 5, 6, 0, tzinfo=UTC)
    assert fit("time3", at) == "2026年12月05日 14:00"
    assert fit("date3", at) == "2026年12月05日"


def test_numbers_keep_digits_and_a_point():
    assert fit("number1", "共 12.5 分") == "12.5"


def test_fitted_wraps_each_value():
    assert fitted({"thing1": "日常保洁"}) == {"thing1": {"value": "日常保洁"}}


def test_templates_are_a_json_object_of_known_events():
    assert parse_templates('{"order_dispatched": "T1"}') == {"order_dispatched": "T1"}
    assert parse_templates("") == {}
    with pytest.raises(ValueError, match="unknown events"):
        parse_templates('{"order_lost": "T1"}')
    with pytest.raises(ValueError):
        parse_templates('["T1"]')


def test_demo_mode_gets_a_template_for_every_event_but_tests_and_real_wechat_do_not():
    demo = templates_of({"WECHAT_FAKE": True, "WECHAT_TEMPLATES": ""})
    assert demo["order_dispatched"] == "demo-order_dispatched"
    assert templates_of({"WECHAT_FAKE": True, "TESTING": True}) == {}
    assert templates_of({"WECHAT_FAKE": False, "WECHAT_TEMPLATES": ""}) == {}
