"""Streets, communities, grids and buildings of the demo (四级体系).

`demo-street` with `demo-a` and `demo-b` is what the README walkthrough and the contract
name; two more streets show the other districts of the source article. Each grid is
(name, road and number, [building names])."""

from typing import Any

STREETS: list[dict[str, Any]] = [
    {"code": "demo-street", "name": "公园街道", "district": "东湖区", "communities": [
        {"code": "demo-a", "name": "百花洲社区", "address": "东湖区苏圃路 88 号", "grids": [
            ("第一网格", "苏圃路 88 号", ["1栋", "2栋", "3栋"]),
            ("第二网格", "叠山路 112 号", ["1栋", "2栋"]),
            ("第三网格", "八一大道 306 号", ["A栋", "B栋", "C栋"]),
        ]},
        {"code": "demo-b", "name": "八一广场社区", "address": "东湖区子固路 165 号", "grids": [
            ("第一网格", "子固路 165 号", ["1栋", "2栋"]),
            ("第二网格", "中山路 318 号", ["1栋", "2栋", "3栋"]),
            ("第三网格", "广场北路 27 号", ["东栋", "西栋"]),
        ]},
    ]},
    {"code": "xh-shengjinta", "name": "绳金塔街道", "district": "西湖区", "communities": [
        {"code": "xh-shengjinta-1", "name": "绳金塔社区", "address": "西湖区绳金塔街 12 号",
         "grids": [
             ("第一网格", "绳金塔街 12 号", ["1栋", "2栋"]),
             ("第二网格", "站前路 56 号", ["1栋", "2栋", "3栋"]),
             ("第三网格", "船山路 203 号", ["1栋", "2栋"]),
         ]},
    ]},
    {"code": "qsh-shanghailu", "name": "上海路街道", "district": "青山湖区", "communities": [
        {"code": "qsh-shanghailu-1", "name": "青山湖畔社区", "address": "青山湖区青山湖大道 1 号",
         "grids": [
             ("第一网格", "青山湖大道 1 号", ["1栋", "2栋", "3栋"]),
             ("第二网格", "湖滨东路 66 号", ["1栋", "2栋"]),
             ("第三网格", "上海路 399 号", ["1栋", "2栋"]),
         ]},
    ]},
]
