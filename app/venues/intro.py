"""A venue's illustrated description (图文介绍): the HTML staff write, sanitised on write.

Kept: headings, paragraphs, line breaks, lists, bold and italic, links to https addresses
(opened with rel="noopener noreferrer") and images whose address is on the platform's photo
hosts (app.validation.photo_hosts; none configured: any https image). Everything else goes:
scripts and styles with their content, event attributes (onerror …), javascript: links."""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

import nh3

TAGS = frozenset({"h2", "h3", "h4", "p", "br", "ul", "ol", "li", "strong", "b", "em", "i"})
LINK_TAGS = frozenset({"a", "img"})
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}}
# Removed with what they hold, not only their tags.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript"})


def sanitize(html: str, photo_hosts: Collection[str]) -> str:
    """`html` with only what a venue's description may hold."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src" and photo_hosts:
            return value if urlsplit(value).netloc in photo_hosts else None
        return value

    return nh3.clean(
        html,
        tags=set(TAGS | LINK_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"https"},
        url_relative="deny",
        link_rel="noopener noreferrer",
    ).strip()
