from flask.cli import AppGroup

staff_cli = AppGroup("staff", help="管理社区工作人员账号 (manage staff accounts)")
