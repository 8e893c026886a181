"""Helpers shared by the test modules, by theme:

- `factories`: valid objects written straight to the database (the caller commits).
- `api`: calling the mini-program API as a user, and checking its error envelope.
- `console`: signing in to the console, posting its forms, reading its pages.
- `orders`, `members`, `candidates`: the domain's objects in a chosen state, read back.
- `permissions`: the permission-matrix harness (who may call what).
- `clock`: the `frozen_clock` fixture and the app's notion of "now" and "today".
- `queries`: counting SQL statements.
- `db`: counting rows and re-reading objects.
- `apps`: apps on the test database with other settings; `fake_wechat`: the fake WeChat server.
- `concurrency`: calls released together, one thread each.
- `servers`: gunicorn on a free port, `flask` commands, plain HTTP calls; `nginx`: nginx in
  front of servers; `cluster`: two app servers on PostgreSQL and Redis behind nginx.
- `browser`: signing in and reading pages in the browser tests.
"""
