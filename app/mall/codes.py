"""Redemption codes: short, random, and easy to read out at a counter."""

from __future__ import annotations

import secrets

# No 0/O, 1/I: nothing a clerk can misread. 32 symbols, 10 of them: 50 random bits, so a
# collision (which the unique constraint would refuse) is practically impossible.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalized(code: str) -> str:
    """What a clerk typed, as it was issued: upper case, without spaces or dashes."""
    return code.strip().upper().replace(" ", "").replace("-", "")
