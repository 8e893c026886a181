"""The background worker: a Huey queue (in Redis when `REDIS_URL` is set, else in a SQLite
file of this server's), the tasks it runs, and the hand-off of the outbox after each commit.

`flask --app wsgi worker` runs the consumer (`app.commands.worker`). Every task is safe to
run twice or on several workers at once: what it writes is settled by conditional UPDATEs
and unique keys, so the queue may deliver a task more than once."""
