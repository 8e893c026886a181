"""一键通 use cases that write, one module per kind:

- `registry`: staff register a device for a household (`app.devices.registration`), rotate
  its secret, name its carers;
- `calls`: what a device sends, signed (a press, a heartbeat);
- `upkeep`: the worker's jobs (silent devices, used nonces).

Each is a `@use_case` (app.transaction): it commits once or writes nothing."""
