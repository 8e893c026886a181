"""The merchants of the 15-minute service circle (15分钟便民服务圈): shops near every home,
their accounts (role `merchant`), the services they do for residents (便民服务积分) and the
community's 信得过经营户."""
