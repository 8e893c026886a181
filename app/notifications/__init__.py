"""Notifications (红喇叭 and the order loop's messages): every user's inbox, the outbox of
subscribe messages that the worker sends after the commit, and each user's quotas.

`outbox.post` is the one way in: it writes the inbox messages and, for an event with a
template, their deliveries in the caller's transaction; `app.worker` hands them to the queue
once that transaction commits, and `delivery.deliver` sends each one at most once per quota."""
