"""The sanitiser of a venue's illustrated description (app/venues/intro.py), as a pure
function of the HTML and the photo hosts."""

from __future__ import annotations

import pytest

from app.venues.intro import sanitize

HOSTS = {"img.example.cn"}


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("<h2>标题</h2><p>段落<br>换行</p>", "<h2>标题</h2><p>段落<br>换行</p>"),
        (
            "<ol><li><b>一</b></li><li><em>二</em></li></ol>",
            "<ol><li><b>一</b></li><li><em>二</em></li></ol>",
        ),
        ("<p>前<script>alert(1)</script>后</p>", "<p>前后</p>"),
        ("<style>p{color:red}</style><p>字</p>", "<p>字</p>"),
        ('<p onmouseover="x()" style="color:red" class="c">字</p>', "<p>字</p>"),
        ('<a href="javascript:alert(1)">链</a>', '<a rel="noopener noreferrer">链</a>'),
        ('<a href="http://plain.example.cn/">链</a>', '<a rel="noopener noreferrer">链</a>'),
        ('<a href="/relative">链</a>', '<a rel="noopener noreferrer">链</a>'),
        (
            '<a href="https://www.gov.cn/" target="_blank" rel="opener">链</a>',
            '<a href="https://www.gov.cn/" rel="noopener noreferrer">链</a>',
        ),
        (
            '<img src="https://img.example.cn/a.jpg" alt="图" onerror="x()">',
            '<img src="https://img.example.cn/a.jpg" alt="图">',
        ),
        ('<img src="https://evil.example.com/a.jpg">', "<img>"),
        ('<img src="data:image/png;base64,AAAA">', "<img>"),
        ("<iframe src='https://x.example.com'></iframe><form><input></form>", ""),
        ("<div><span>包着的字</span></div>", "包着的字"),
    ],
)
def test_only_the_allowed_markup_stays(dirty, clean):
    assert sanitize(dirty, HOSTS) == clean


def test_without_photo_hosts_any_https_image_stays():
    assert sanitize('<img src="https://any.example.com/a.jpg">', set()) == (
        '<img src="https://any.example.com/a.jpg">'
    )
