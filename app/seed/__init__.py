"""Demo data for `flask --app wsgi seed demo`: data modules plus the loader in `demo`."""
