"""Caches of ready answers (see store.py, stamps.py and tracking.py)."""

from app.cache.store import AnswerStore, ReadyAnswer, answers, caches_of, register

__all__ = ["AnswerStore", "ReadyAnswer", "answers", "caches_of", "register"]
