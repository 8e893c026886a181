"""What the commands that create password accounts (staff, merchants) share."""

import click

from app.errors import DomainError

password_option = click.option(
    "--password",
    prompt="密码 (password)",
    hide_input=True,
    confirmation_prompt=True,
    help="至少 8 位 (at least 8 characters); 不给出则提示输入 (prompted if omitted)",
)


def describe(error: DomainError) -> str:
    """A refusal as one line: the fields' messages, else the error's own."""
    problems = [message for messages in error.details.values() for message in messages]
    return "; ".join(problems) if problems else error.message
