"""Word's automatic numbering, rendered as the markers a reader sees ("1.", "(2)", "c)", "II.", "•").

In a .docx the "1." in front of a numbered paragraph is not in the text: the paragraph points to
a numbering instance (``w:numPr``: numId + level), the instance to an abstract definition whose
levels say the format ("decimal", "lowerLetter", "upperRoman", "bullet"), the level text ("%1.",
"(%1)", "%1)", "%1.%2.") and the start value. python-docx exposes none of it, so without this
module the items of every numbered list reach the chunker as plain paragraphs and the lists
that answer most questions are lost.

Counting follows Word: the counter of a list lives with its abstract definition (numbering
instances that share one continue each other), a ``w:startOverride`` on an instance restarts its
level the first time the instance is used, and a level's counter restarts whenever a
shallower level advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf0fc": "•", "o": "◦", "": "•"}


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart_after: int | None = None  # w:lvlRestart: restart only when this level (1-based) advances


@dataclass
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride


def roman(n: int) -> str:
    """>>> roman(14), roman(1999)
    ('XIV', 'MCMXCIX')
    """
    out = []
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa, bb, ...

    >>> letters(1), letters(26), letters(27)
    ('a', 'z', 'aa')
    """
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(value: int, fmt: str) -> str:
    """One level's counter in its format.

    >>> [format_number(4, f) for f in ("decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman")]
    ['4', 'd', 'D', 'iv', 'IV']
    """
    if fmt in ("lowerLetter", "upperLetter"):
        text = letters(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(value)
        return text.lower() if fmt == "lowerRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class Numbering:
    """The numbering definitions of one document and the running counters of its lists."""

    def __init__(self, numbering_element: Any | None, styles_element: Any | None = None) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}  # paragraph style id -> (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        if numbering_element is not None:
            self._read(numbering_element)
        if styles_element is not None:
            self._read_styles(styles_element)

    def _read(self, root: Any) -> None:
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                level = _Level()
                level.start = int(_val(lvl, "start") or 1)
                level.fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText")
                level.text = text if text is not None else "%1."
                restart = _val(lvl, "lvlRestart")
                level.restart_after = int(restart) if restart is not None and restart.isdigit() else None
                levels[int(lvl.get(f"{W}ilvl", "0"))] = level
            self.abstracts[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            instance = _Instance(_val(num, "abstractNumId") or "")
            for override in num.iter(f"{W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    instance.starts[int(override.get(f"{W}ilvl", "0"))] = int(start)
            self.instances[num.get(f"{W}numId", "")] = instance

    def _read_styles(self, root: Any) -> None:
        based_on: dict[str, str] = {}
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            if (base := _val(style, "basedOn")) is not None:
                based_on[style_id] = base
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and (num_id := _val(num_pr, "numId")):
                self.style_numbering[style_id] = (num_id, int(_val(num_pr, "ilvl") or 0))
        for style_id in list(based_on):  # a style inherits its base's numbering
            seen, current = set(), style_id
            while current not in self.style_numbering and current in based_on and current not in seen:
                seen.add(current)
                current = based_on[current]
            if current in self.style_numbering and style_id not in self.style_numbering:
                self.style_numbering[style_id] = self.style_numbering[current]

    def marker(self, paragraph_element: Any, style_id: str | None = None) -> str:
        """The marker Word shows in front of this paragraph ("" when it is not numbered); advances counters."""
        num_pr = paragraph_element.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = None, 0
        if style_id and style_id in self.style_numbering:
            num_id, ilvl = self.style_numbering[style_id]
        if num_pr is not None:
            num_id = _val(num_pr, "numId") or num_id
            ilvl = int(_val(num_pr, "ilvl") or ilvl)
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        instance = self.instances[num_id]
        levels = self.abstracts.get(instance.abstract, {})
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(instance.abstract, {})
        if num_id not in self.used:  # first paragraph of this instance: its overrides restart the list
            self.used.add(num_id)
            for lvl, start in instance.starts.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels.get(ilvl, _Level()).start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart_after  # 0: never restarts
            if restart is None or (restart > 0 and restart - 1 >= ilvl):
                del counters[deeper]
        if level.fmt == "bullet":
            text = level.text
            return _BULLETS.get(text, text if text.isprintable() and len(text) <= 2 else "•")
        text = level.text
        for n in range(9, 0, -1):
            placeholder = f"%{n}"
            if placeholder in text:
                lvl = n - 1
                value = counters.get(lvl, levels.get(lvl, _Level()).start)
                fmt = levels.get(lvl, _Level()).fmt if lvl != ilvl else level.fmt
                text = text.replace(placeholder, format_number(value, "decimal" if fmt == "bullet" else fmt))
        return text.strip()


def _val(element: Any, tag: str) -> str | None:
    child = element.find(f"{W}{tag}")
    return None if child is None else child.get(f"{W}val")
