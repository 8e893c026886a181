"""What a working party member does for the community beside orders: 周六报到 (`CheckIn` at
the community's liaison venue), 党员楼栋长 (`building_lead`, appointed by staff), and the
先锋墙 / 承诺墙 (`wall`, opt-in)."""
