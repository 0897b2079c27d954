"""A corpus of hostile strings, for tests that check data never runs as HTML/JS.

Every entry is plain text that a careless view would turn into markup or script.
``TRAP`` names the global the payloads try to set (install ``window.__pwned = false``
watchers in the browser and assert it stays false). ``URLS`` are link values that
must never become clickable (only http/https may).
"""

from __future__ import annotations

__all__ = ["HOSTILE", "HOSTILE_URLS", "TRAP", "FORBIDDEN_SELECTORS", "hostile_cycle"]

TRAP = "__pwned"

_SET = f"window.{TRAP}=true"

HOSTILE: tuple[str, ...] = (
    f"<script>{_SET}</script>",
    f"</script><script>{_SET}</script>",
    f'<img src=x onerror="{_SET}">',
    f'"><svg onload="{_SET}">',
    f"'><svg/onload={_SET}>",
    f'<iframe srcdoc="<script>parent.{_SET}</script>"></iframe>',
    f'<a href="javascript:{_SET}">click</a>',
    f"javascript:{_SET}",
    f'<details open ontoggle="{_SET}">',
    "<style>@import 'http://evil.example/x.css';</style>",
    "<!-- unterminated comment",
    "]]></script><!--<script>",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "{% raw %}{{ config }}{% endraw %}",
    "\u202egnp.exe\u202c right-to-left override",
    "zero\u200bwidth\u200djoiner\ufeffbom",
    "line\u2028separator\u2029paragraph",
    "&lt;script&gt;already escaped&lt;/script&gt;",
    "__proto__",
    "constructor",
    "\U0001f4a3 emoji \u0000 nul",
    "A" * 5000,
    ("<b>long</b> " * 400).strip(),
)

HOSTILE_URLS: tuple[str, ...] = (
    f"javascript:{_SET}",
    f"JaVaScRiPt:{_SET}",
    f" javascript:{_SET}",
    f"data:text/html,<script>{_SET}</script>",
    f"vbscript:{_SET}",
    "//evil.example/x",
    f'"><img src=x onerror="{_SET}">',
)

# CSS selectors that would match an element injected from the corpus.
FORBIDDEN_SELECTORS: tuple[str, ...] = (
    "img[src=x]",
    "img[onerror]",
    "svg[onload]",
    "iframe",
    "details[ontoggle]",
    "script[src]",
    "a[href^='javascript' i]",
    "a[href^='data' i]",
    "a[href^='vbscript' i]",
    "[onerror]",
    "[onload]",
    "[ontoggle]",
    "b",
)


def hostile_cycle(i: int) -> str:
    """The ``i``-th hostile string, cycling through the corpus."""
    return HOSTILE[i % len(HOSTILE)]
