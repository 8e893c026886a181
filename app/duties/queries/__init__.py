"""The reads of app.duties, one module per kind, as its use cases are."""
