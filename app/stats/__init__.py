"""Statistics for staff: today's numbers and the 响应率 / 解决率 / 满意率 rates."""
