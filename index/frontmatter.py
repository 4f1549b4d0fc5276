"""Split YAML front matter (``---`` ... ``---``) off the top of a .md/.txt document.

Front matter is how an admin states a document's title, date and số hiệu explicitly; the body
after it is what gets indexed and quoted, so it is returned verbatim.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from hoidap.index.types import DocumentError

# Opening "---" line, the YAML block, then a closing "---" (or YAML's "...") line.
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE
)
# The block must start like a mapping ("key:"); otherwise a leading "---" is a Markdown rule.
_LOOKS_LIKE_MAPPING = re.compile(r"\A\s*(?:#[^\n]*\n\s*)*[\"']?[^\s:#\"'][^:\n]*[\"']?:(?:\s|\Z)")


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Return (front matter mapping, body). No front matter gives ({}, text).

    >>> split_front_matter("---\\ntitle: Nghị quyết 57\\n---\\nNội dung\\n", "a.md")
    ({'title': 'Nghị quyết 57'}, 'Nội dung\\n')
    >>> split_front_matter("---\\n\\nMột đoạn sau đường kẻ ngang\\n", "a.md")[0]
    {}
    """
    match = _FRONT_MATTER.match(text)
    if not match or (match["yaml"].strip() and not _LOOKS_LIKE_MAPPING.match(match["yaml"])):
        return {}, text
    try:
        data = yaml.safe_load(match["yaml"])
    except yaml.YAMLError as e:
        problem = " ".join(str(e).split())
        raise DocumentError(path, f"bad YAML front matter: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError(path, f"front matter must be 'key: value' lines, got a {type(data).__name__}")
    return {str(k): v for k, v in data.items()}, text[match.end() :]
