"""纪实手册 (a member's `service_record`), 反馈卡 (`FeedbackCard`) and the two ledgers
(共建单位服务台账, 在职党员服务台账): what a community keeps on its members' service."""
