"""YAML text for the plain data report_data() makes, written directly (no PyYAML node graph).

PyYAML's emitter, even with libyaml, builds and resolves a node per value: at 10,000 reports it was
a third of the generator's CPU. Our records hold only dict, list, str, int, float, bool and None,
so this writes the block style PyYAML writes (mappings indented by two, sequences flush under
their key) with simpler scalar rules:

- a string is plain when nothing in it could be read back as anything else (no indicator at the
  start, no ': ' or ' #', no control or line-break character, and YAML's implicit resolvers call it
  a string); text with line breaks is a | literal block when it can be one; everything else is a
  JSON string, which is also a YAML double-quoted scalar (non-printable characters escaped);
- long text stays on one line (PyYAML folded it at 100 columns);
- a value that appears twice is written twice (PyYAML wrote an anchor and an alias).

`yaml.safe_load(dump_yaml(x)) == x` for every record: tests/test_yamltext.py checks it over the
corpus and random values.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

_RESOLVER = yaml.resolver.Resolver()
_RESOLVER_FIRST = frozenset(k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k)
_STR_TAG = "tag:yaml.org,2002:str"
_BAD_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# Not plain: tab, CR, YAML 1.1 line breaks (NEL, LS, PS), BOM and everything YAML cannot print.
_NOT_PLAIN_RX = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|: | #")
# In a | block: the same, except line feeds; and no trailing blanks (kept, but easily lost).
_NOT_LITERAL_RX = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]| \n| $"
)
# Escaped inside the JSON string: what json leaves raw but YAML cannot print or reads as a break.
_ESCAPE_RX = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_resolved: dict[str, bool] = {}


def dump_yaml(data: Any) -> str:
    """The block-style YAML document for data (a dict at the top, as report_data() makes)."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, 0, out, "")
    elif isinstance(data, list) and data:
        _sequence(data, 0, out, "")
    else:
        out.append(_scalar(data, 0))
    out.append("")
    return "\n".join(out)


def _mapping(data: dict[Any, Any], indent: int, out: list[str], first: str) -> None:
    """Each key on its own line; the first line starts with `first` (a "- " of a sequence item)."""
    pad = " " * indent
    lead = first or pad
    for key, value in data.items():
        head = lead + _key(key) + ":"
        lead = pad
        kind = type(value)
        if kind is dict and value:
            out.append(head)
            _mapping(value, indent + 2, out, "")
        elif kind is list and value:
            out.append(head)
            _sequence(value, indent, out, "")  # flush under the key, as PyYAML writes it
        else:
            out.append(head + " " + _scalar(value, indent + 2))


def _sequence(data: list[Any], indent: int, out: list[str], first: str) -> None:
    pad = " " * indent
    lead = first or pad
    for value in data:
        head = lead + "- "
        lead = pad
        kind = type(value)
        if kind is dict and value:
            _mapping(value, indent + 2, out, head)
        elif kind is list and value:
            _sequence(value, indent + 2, out, head)
        else:
            out.append(head + _scalar(value, indent + 2))


def _scalar(value: Any, indent: int) -> str:
    kind = type(value)
    if kind is str:
        return _string(value, indent)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        return _float(value)
    if kind is dict or kind is list:  # only empty ones reach here
        return "{}" if kind is dict else "[]"
    raise TypeError(f"dump_yaml: cannot write a {kind.__name__} ({value!r:.60})")


def _key(key: Any) -> str:
    """A mapping key: plain or quoted, never a | block."""
    return _quoted(key) if type(key) is str and not _plain(key) else _scalar(key, 0)


def _quoted(text: str) -> str:
    return _ESCAPE_RX.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _string(text: str, indent: int) -> str:
    if _plain(text):
        return text
    if "\n" in text and text.strip() and text[0] not in " \t\n" and not _NOT_LITERAL_RX.search(text):
        return _literal(text, indent)
    return _quoted(text)


def _plain(text: str) -> bool:
    """True when text can be written as it is and read back as the same string."""
    if not text or text[0] in _BAD_FIRST or text[-1] in " :" or _NOT_PLAIN_RX.search(text):
        return False
    if text[0] not in _RESOLVER_FIRST:  # no implicit type (number, bool, null, date) starts so
        return True
    found = _resolved.get(text)
    if found is None:
        found = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
        if len(text) <= 40:
            _resolved[text] = found
    return found


def _literal(text: str, indent: int) -> str:
    """A | block: clip (one final line feed), strip (none: |-) or keep (several: |+)."""
    if not text.endswith("\n"):
        chomp, body = "-", text
    else:
        chomp, body = ("+" if text.endswith("\n\n") else ""), text[:-1]
    pad = " " * indent
    lines = [pad + line if line else "" for line in body.split("\n")]
    return "|" + chomp + "\n" + "\n".join(lines)


def _float(value: float) -> str:
    """As PyYAML writes floats: .nan, .inf, -.inf, and a '.0' where repr has no point."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    elif "." not in text:
        text += ".0"
    return text
