"""Command line: `flask --app wsgi <command>`."""
COMMANDS: list = []
