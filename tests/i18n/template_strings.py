"""Find the words of a Jinja template that a translator would never see: not marked for gettext.

The template is lexed with Jinja's own lexer. Its text outside ``{% trans %}`` blocks is read as
HTML (every ``{{ ... }}`` and ``{% ... %}`` stands as a blank), and any text node or translatable
attribute still holding letters is unmarked. String literals inside tags that read as words for a
person ("Sources", "not recorded") are unmarked too, unless they sit in a call of a gettext
function. Text in ``<code>``, ``<pre>``, ``<script>`` and ``<style>`` is code, the same in every
language, and is not read.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

import jinja2

GETTEXT_CALLS = frozenset({"_", "gettext", "ngettext", "pgettext", "npgettext", "lazy_gettext"})
TRANSLATABLE_ATTRIBUTES = frozenset(
    {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}
)
CODE_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
LETTER = re.compile(r"[^\W\d_]")
# A literal a person reads: two words, or a capitalised word ("Sources"); not "public.list_hubs".
WORDS_FOR_A_PERSON = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]|^[A-Z][a-z]+(?:[\s,.:;!?]|$)")


@dataclass(frozen=True)
class Unmarked:
    """One piece of text a person reads that is not marked for translation."""

    template: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.template}:{self.line}: {self.text!r}"


def unmarked_strings(
    env: jinja2.Environment, source: str, name: str, names_kept: Iterable[str] = ()
) -> list[Unmarked]:
    """Every unmarked text, translatable attribute and wordy string literal of one template.

    ``names_kept`` are names the same in every language (the product's): text that holds only
    them, punctuation and blanks is not reported.
    """
    html, literals = _html_outside_trans(env, source, name)
    reader = _TextReader(name, tuple(names_kept))
    reader.feed(html)
    reader.close()
    return reader.found + literals


def _html_outside_trans(
    env: jinja2.Environment, source: str, name: str
) -> tuple[list[tuple[int, str]], list[Unmarked]]:
    """The template's HTML with each Jinja tag blanked and each trans block left out."""
    pieces: list[tuple[int, str]] = []
    literals: list[Unmarked] = []
    trans_depth = 0
    in_tag: list[tuple[int, str, str]] = []
    for line, kind, value in env.lex(source, name):
        if kind in ("block_begin", "variable_begin"):
            in_tag = []
        elif kind in ("block_end", "variable_end"):
            trans_depth += _trans_change(in_tag)
            if not trans_depth:
                literals.extend(_wordy_literals(in_tag, name))
            pieces.append((line, " "))
        elif kind == "data" and not trans_depth:
            pieces.append((line, value))
        elif kind not in ("comment_begin", "comment", "comment_end", "whitespace", "data"):
            in_tag.append((line, kind, value))
    return pieces, literals


def _trans_change(tag: list[tuple[int, str, str]]) -> int:
    """+1 when the tag opens a trans block, -1 when it closes one, else 0."""
    if tag and tag[0][1] == "name":
        return {"trans": 1, "endtrans": -1}.get(tag[0][2], 0)
    return 0


def _wordy_literals(tag: list[tuple[int, str, str]], name: str) -> list[Unmarked]:
    """The string literals of a tag that read as words, outside any gettext call."""
    found: list[Unmarked] = []
    depth = 0
    marked_at: list[int] = []
    previous = ("", "")
    for line, kind, value in tag:
        if kind == "operator" and value in "([{":
            depth += 1
            if value == "(" and previous == ("name", previous[1]) and previous[1] in GETTEXT_CALLS:
                marked_at.append(depth)
        elif kind == "operator" and value in ")]}":
            if marked_at and marked_at[-1] == depth:
                marked_at.pop()
            depth -= 1
        elif kind == "string" and not marked_at and WORDS_FOR_A_PERSON.search(value[1:-1]):
            found.append(Unmarked(name, line, value))
        previous = (kind, value)
    return found


class _TextReader(HTMLParser):
    """Collects text nodes and translatable attributes that still hold letters."""

    def __init__(self, name: str, names_kept: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.names_kept = names_kept
        self.found: list[Unmarked] = []
        self.open: list[str] = []
        self.piece_starts: list[int] = []
        self.piece_lines: list[int] = []
        self.line_starts: list[int] = []

    def feed(self, pieces: list[tuple[int, str]]) -> None:  # type: ignore[override]
        """Feed the pieces, remembering which template line each part of the text came from."""
        html = "".join(text for _, text in pieces)
        self.piece_starts = list(itertools.accumulate((len(text) for _, text in pieces), initial=0))
        self.piece_lines = [line for line, _ in pieces]
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        super().feed(html)

    def _line(self) -> int:
        """The template line where the text or tag being parsed starts."""
        html_line, column = self.getpos()
        offset = self.line_starts[html_line - 1] + column
        piece = min(bisect.bisect_right(self.piece_starts, offset), len(self.piece_lines)) - 1
        if piece < 0:
            return 1
        return self.piece_lines[piece] + self.rawdata.count("\n", self.piece_starts[piece], offset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Check the attributes a person reads; follow which elements are open."""
        for attribute, value in attrs:
            if value and self._translatable(tag, attribute, dict(attrs)) and self._words(value):
                self.found.append(Unmarked(self.name, self._line(), f"{attribute}={value.strip()}"))
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element has attributes but no content."""
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.open:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        """Close the element (and any left open inside it)."""
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        """A text node outside code, with letters, is unmarked."""
        if CODE_ELEMENTS.intersection(self.open):
            return
        if self._words(data):
            self.found.append(Unmarked(self.name, self._line(), " ".join(data.split())))

    def _words(self, text: str) -> bool:
        """Whether the text holds letters besides the names kept in every language."""
        for kept in self.names_kept:
            text = text.replace(kept, "")
        return bool(LETTER.search(text))

    @staticmethod
    def _translatable(tag: str, attribute: str, attrs: dict[str, str | None]) -> bool:
        """Whether a person reads this attribute's value."""
        if attribute in TRANSLATABLE_ATTRIBUTES:
            return True
        if tag == "meta" and attribute == "content":
            return attrs.get("name") == "description"
        if tag == "input" and attribute == "value":
            return attrs.get("type") in ("submit", "button", "reset")
        return tag in ("option", "optgroup", "track") and attribute == "label"
