"""红喇叭: staff write to a community's residents, members or everyone; each recipient gets
an inbox message and, where their quota allows, a subscribe message (`app.notifications`).

A package of its own because it reads orders and member registrations to find the audience,
while the order loop itself posts messages through `app.notifications`."""
