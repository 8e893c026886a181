"""The use cases of app.duties, one module per kind: check-ins, building leads, the wall."""
