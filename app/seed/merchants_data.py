"""Merchants of the demo's 15-minute service circles (15分钟便民服务圈): the banks, courier
stations, housekeeping, training, repair shops, restaurants and pharmacies within a few
hundred metres of each community's venues, with GCJ-02 coordinates in the real streets."""

from datetime import date

BANK_HOURS = [{"days": "周一至周五", "hours": "09:00-17:00"}, {"days": "周六", "hours": "09:00-12:00"}]
SHOP_HOURS = [{"days": "每天", "hours": "08:00-21:00"}]
COURIER_HOURS = [{"days": "每天", "hours": "08:30-20:30"}]
OFFICE_HOURS = [{"days": "周一至周六", "hours": "08:30-18:00"}]
PHARMACY_HOURS = [{"days": "每天", "hours": "07:30-22:00"}]
TRAINING_HOURS = [{"days": "周二至周日", "hours": "14:00-20:30"}]

# (community code, category, name, address, latitude, longitude, phone, hours, services,
#  社区信得过经营户?, the demo account's username or None)
MERCHANTS = [
    ("demo-a", "grocery", "百花洲邻家便利店", "东湖区苏圃路 60 号", 28.6826, 115.9052,
     "0791-86211001", SHOP_HOURS, ["送货上门", "代收快递", "生活缴费", "雨伞借用"], True,
     "demo-a-shop"),
    ("demo-a", "bank", "中国建设银行南昌百花洲支行", "东湖区八一大道 318 号", 28.6856, 115.9031,
     "0791-86211002", BANK_HOURS, ["老年人上门办卡", "社保卡激活", "反诈宣传", "爱心座椅"],
     True, None),
    ("demo-a", "courier", "菜鸟驿站苏圃路店", "东湖区苏圃路 45 号", 28.6818, 115.9041,
     "0791-86211003", COURIER_HOURS, ["快递代收代寄", "老人送件上楼", "包装材料免费"], False,
     None),
    ("demo-a", "housekeeping", "洪城好阿姨家政服务部", "东湖区叠山路 126 号", 28.6848, 115.9088,
     "0791-86211004", OFFICE_HOURS, ["日常保洁", "老人陪护", "家电清洗", "月嫂育婴"], False,
     None),
    ("demo-a", "repair", "老刘家电维修", "东湖区叠山路 104 号", 28.6812, 115.9079,
     "13807911005", OFFICE_HOURS, ["水电维修", "家电维修", "换锁开锁", "独居老人免上门费"],
     False, None),
    ("demo-a", "pharmacy", "益丰大药房百花洲店", "东湖区苏圃路 102 号", 28.6837, 115.9066,
     "0791-86211006", PHARMACY_HOURS, ["免费测血压", "用药咨询", "慢病药品送上门"], False,
     None),
    ("demo-b", "food", "子固路社区长者食堂", "东湖区子固路 110 号", 28.6799, 115.9021,
     "0791-86212001", [{"days": "每天", "hours": "10:30-13:30"}, {"days": "每天", "hours": "16:30-19:00"}],
     ["老年人助餐", "送餐上门", "节日包饺子"], True, "demo-b-shop"),
    ("demo-b", "bank", "江西银行八一广场支行", "东湖区广场北路 39 号", 28.6772, 115.9058,
     "0791-86212002", BANK_HOURS, ["上门办理业务", "防诈骗讲座", "零钱兑换"], False, None),
    ("demo-b", "courier", "顺丰速运中山路营业点", "东湖区中山路 300 号", 28.6786, 115.9069,
     "0791-86212003", COURIER_HOURS, ["快递寄送", "上门取件", "老人寄件优惠"], False, None),
    ("demo-b", "training", "八一广场青少年书法培训中心", "东湖区子固路 133 号", 28.6808, 115.9024,
     "0791-86212004", TRAINING_HOURS, ["四点半课堂", "书法公益课", "暑期托管"], False, None),
    ("demo-b", "barber", "子固路老街理发店", "东湖区子固路 86 号", 28.6780, 115.9030,
     "13807912005", SHOP_HOURS, ["老人免费理发（每月第一个周二）", "上门理发"], False, None),
    ("xh-shengjinta-1", "pharmacy", "黄庆仁栈华氏大药房绳金塔店", "西湖区绳金塔街 26 号",
     28.6592, 115.8870, "0791-86313001", PHARMACY_HOURS, ["用药咨询", "免费测血糖"], False,
     None),
    ("xh-shengjinta-1", "food", "绳金塔瓦罐汤", "西湖区船山路 188 号", 28.6601, 115.8889,
     "0791-86313002", SHOP_HOURS, ["老人助餐", "外卖送餐"], False, None),
    ("qsh-shanghailu-1", "housekeeping", "青山湖畔家政服务站", "青山湖区湖滨东路 52 号",
     28.6948, 115.9410, "0791-88414001", OFFICE_HOURS, ["保洁", "陪护", "搬家"], False, None),
    ("qsh-shanghailu-1", "repair", "湖滨水电维修部", "青山湖区上海路 381 号", 28.6939, 115.9400,
     "13807914002", OFFICE_HOURS, ["水电维修", "管道疏通"], False, None),
]

# Services done in the fourth quarter of 2026: (merchant name, resident login code or None
# for one recorded by staff, day, service). Fixed days, so a second run finds them all.
SERVICES = [
    ("百花洲邻家便利店", "resident-a1", date(2026, 10, 12), "送货上门"),
    ("百花洲邻家便利店", "resident-a2", date(2026, 10, 20), "代收快递"),
    ("百花洲邻家便利店", "resident-a1", date(2026, 11, 3), "送货上门"),
    ("百花洲邻家便利店", None, date(2026, 11, 18), "生活缴费"),
    ("中国建设银行南昌百花洲支行", "resident-a1", date(2026, 10, 15), "老年人上门办卡"),
    ("中国建设银行南昌百花洲支行", "resident-a2", date(2026, 11, 9), "社保卡激活"),
    ("老刘家电维修", "resident-a2", date(2026, 11, 21), "水电维修"),
    ("子固路社区长者食堂", "resident-b1", date(2026, 10, 8), "老年人助餐"),
    ("子固路社区长者食堂", "resident-b1", date(2026, 11, 12), "送餐上门"),
    ("子固路社区长者食堂", None, date(2026, 11, 25), "节日包饺子"),
    ("顺丰速运中山路营业点", "resident-b1", date(2026, 11, 2), "上门取件"),
]
