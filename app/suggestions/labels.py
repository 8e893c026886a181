"""Chinese names of the suggestions' words."""

from app.suggestions.models import SuggestionStatus

SUGGESTION_STATUS = {SuggestionStatus.PENDING: "待答复", SuggestionStatus.ANSWERED: "已答复"}
