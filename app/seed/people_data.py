"""Demo accounts, members (报到党员), residents and orders, so the README walkthrough works.

WeChat users are keyed by the openid a fake login gives: code "member-a1" -> "fake-member-a1"."""

from typing import Any

DEMO_PASSWORD = "demo-pass-123"

# (username, display name, community code) and (username, display name, street code)
STAFF = [
    ("demo-a-staff", "王晓燕", "demo-a"),
    ("demo-b-staff", "刘志强", "demo-b"),
]
STREET_ADMINS = [("demo-street-admin", "陈红梅", "demo-street")]

# Residents who log in from the mini-program: (login code, display name, phone)
RESIDENTS = [
    ("resident-a1", "张桂兰", "13807910001"),
    ("resident-a2", "周建国", "13807910002"),
    ("resident-b1", "黄淑芬", "13807910003"),
]

# Members: login code, community, name, unit (共建单位), letter no. (介绍信编号), phone,
# skills, grid and building index (within the community), status. Each approved member is
# the 楼栋长 of their building (app/seed/duties.py).
MEMBERS: list[dict[str, Any]] = [
    {"code": "member-a1", "community": "demo-a", "name": "李建华", "unit": "南昌市东湖区民政局",
     "letter_no": "DH-JG-2026-0001", "phone": "13970010001", "skills": ["水电维修", "助老助残"],
     "grid": 0, "building": 0, "status": "approved"},
    {"code": "member-a2", "community": "demo-a", "name": "吴晓明", "unit": "江西省机关事务管理局",
     "letter_no": "DH-JG-2026-0002", "phone": "13970010002",
     "skills": ["法律援助", "心理疏导", "代买代办"],
     "grid": 1, "building": 0, "status": "approved"},
    {"code": "member-a3", "community": "demo-a", "name": "徐丽萍", "unit": "南昌市东湖区卫生健康委员会",
     "letter_no": "DH-JG-2026-0003", "phone": "13970010003", "skills": ["医疗保健"],
     "grid": 2, "building": 1, "status": "pending"},
    {"code": "member-b1", "community": "demo-b", "name": "罗文斌", "unit": "南昌市公安局东湖分局",
     "letter_no": "DH-JG-2026-0101", "phone": "13970010101", "skills": ["治安巡逻", "文化宣传"],
     "grid": 0, "building": 1, "status": "approved"},
    {"code": "member-b2", "community": "demo-b", "name": "邓美玲", "unit": "南昌市东湖区教育体育局",
     "letter_no": "DH-JG-2026-0102", "phone": "13970010102", "skills": ["助学帮困", "儿童托管"],
     "grid": 1, "building": 2, "status": "approved"},
]

# Orders: resident, community, (category kind, category, item), the actions after "create",
# the member who takes it, the grid/building index, description, days ago, and extras.
ORDERS: list[dict[str, Any]] = [
    {"resident": "resident-a1", "community": "demo-a", "item": ("social", "水电维修", "水龙头维修"),
     "actions": [], "member": None, "place": (0, 1), "days_ago": 0,
     "description": "厨房水龙头一直滴水，关不紧，家里只有两位老人。"},
    {"resident": "resident-a2", "community": "demo-a", "item": ("social", "代买代办", "代买药品"),
     "actions": ["approve"], "member": None, "place": (1, 0), "days_ago": 1,
     "description": "腿脚不便，想请人帮忙到药店买降压药。"},
    {"resident": "resident-a1", "community": "demo-a", "item": ("social", "助老助残", "陪同就医"),
     "actions": ["approve", "publish"], "member": None, "place": (0, 2), "days_ago": 0,
     "description": "下周二上午要去省人民医院复查，需要有人陪同。"},
    {"resident": "resident-a2", "community": "demo-a", "item": ("social", "水电维修", "电路检修"),
     "actions": ["approve", "dispatch"], "member": "member-a1", "place": (1, 1), "days_ago": 2,
     "description": "卧室插座没电，空气开关一合就跳。"},
    {"resident": "resident-a1", "community": "demo-a", "item": ("public", "社保医保", "养老金领取资格认证"),
     "actions": ["approve", "publish", "grab"], "member": "member-a2", "place": (0, 0),
     "days_ago": 3, "description": "不会用手机做养老金资格认证，想请人上门帮忙。"},
    {"resident": "resident-a2", "community": "demo-a", "item": ("social", "水电维修", "下水道疏通"),
     "actions": ["approve", "dispatch", "accept", "start"], "member": "member-a1",
     "place": (2, 0), "days_ago": 4, "description": "卫生间地漏堵了，水下不去。"},
    {"resident": "resident-a1", "community": "demo-a", "item": ("public", "法律服务", "法律咨询"),
     "actions": ["approve", "dispatch", "accept", "start", "complete"], "member": "member-a2",
     "place": (0, 1), "days_ago": 6, "description": "房屋租赁合同到期，房东不退押金，想咨询怎么办。",
     "completion_note": "已上门讲解租赁合同条款，协助起草了催告函。"},
    {"resident": "resident-a2", "community": "demo-a", "item": ("social", "水电维修", "灯具安装维修"),
     "actions": ["approve", "dispatch", "accept", "start", "complete", "rate"],
     "member": "member-a1", "place": (1, 0), "days_ago": 9, "description": "楼道里的声控灯坏了，晚上很黑。",
     "completion_note": "已更换声控灯头，测试正常。", "stars": 5, "comment": "来得很快，非常感谢！"},
    {"resident": "resident-a1", "community": "demo-a", "item": ("social", "家政保洁", "深度保洁"),
     "actions": ["reject"], "member": None, "place": (0, 0), "days_ago": 5,
     "description": "想请人把整套房子做一次大扫除。",
     "reject_reason": "此项为有偿家政服务，已为您推荐辖区家政服务点。"},
    {"resident": "resident-a2", "community": "demo-a", "item": ("social", "代买代办", "代取快递"),
     "actions": ["cancel"], "member": None, "place": (2, 1), "days_ago": 2,
     "description": "快递在驿站，想请人帮忙取一下。"},
    {"resident": "resident-b1", "community": "demo-b", "item": ("social", "儿童托管", "作业辅导"),
     "actions": [], "member": None, "place": (1, 0), "days_ago": 0,
     "description": "孩子上三年级，下午放学后想请人辅导一下作业。"},
    {"resident": "resident-b1", "community": "demo-b", "item": ("volunteer", "助老助残", "孤寡老人走访"),
     "actions": ["approve", "publish"], "member": None, "place": (0, 1), "days_ago": 0,
     "description": "楼上独居的王奶奶最近身体不好，希望有人常去看看她。"},
]
