"""Debian's nginx as a round-robin reverse proxy in front of app servers, run as a child of the
test (`daemon off`) with its own configuration, pid, logs and temporary files in one folder."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.servers import stop, wait_until_up

INSTALL_HINT = "apt-get install nginx"

CONFIG = """\
{user}worker_processes 1;
error_log {work}/error.log warn;
pid {work}/nginx.pid;
events {{ worker_connections 512; }}
http {{
    access_log {work}/access.log;
    client_body_temp_path {work}/client_body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    # The tests stand in for a load balancer that names the client in X-Forwarded-For.
    set_real_ip_from 127.0.0.1;
    real_ip_header X-Forwarded-For;
    upstream app {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://app;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream off;  # a retried POST would be a second move
        }}
    }}
}}
"""


def require_nginx() -> str:
    """The nginx binary; without one the test fails under REQUIRE_NGINX=1 (CI), else skips."""
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if binary is None:
        # CI (REQUIRE_NGINX=1, set by .ci/run) must run them; elsewhere say plainly why not.
        message = f"the cluster tests need nginx: {INSTALL_HINT}"
        if os.environ.get("REQUIRE_NGINX") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return binary


def write_config(work: Path, port: int, upstreams: list[str]) -> Path:
    """nginx.conf in `work`: listen on `port`, round-robin over `upstreams` ("host:port")."""
    # Started by root, nginx's workers would run as `nobody`, who cannot write to `work`.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    servers = "\n".join(f"        server {address};" for address in upstreams)
    config = work / "nginx.conf"
    config.write_text(CONFIG.format(user=user, work=work, servers=servers, port=port))
    return config


@contextmanager
def nginx(work: Path, port: int, upstreams: list[str], probe: str = "/healthz"):
    """nginx on `port` in front of `upstreams`; yields its base URL once `probe` answers."""
    binary = require_nginx()
    config = write_config(work, port, upstreams)
    log_path = work / "nginx.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [binary, "-p", str(work), "-c", str(config), "-g", "daemon off;"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}{probe}", server, log_path)
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(server)
