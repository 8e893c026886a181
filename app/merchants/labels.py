"""The Chinese names of the merchant domain's words."""

from app.merchants.models import MerchantCategory as C

CATEGORY = {
    C.BANK: "银行",
    C.COURIER: "快递",
    C.HOUSEKEEPING: "家政",
    C.TRAINING: "培训",
    C.REPAIR: "维修",
    C.FOOD: "餐饮",
    C.PHARMACY: "医药",
    C.GROCERY: "便利店",
    C.BARBER: "理发",
    C.OTHER: "其他",
}

TRUSTED = "社区信得过经营户"
