"""What a province plugin adds to the printed template — extra table rows and statements — as the
plugin declares them (hook ``gov_check_template_extensions``), and how their places are named.

The plugin declares; the one assembler (:mod:`checker.loaders.layout`) reads the declared rows and
statements from text, Word, web pages and PDF into ``/extensions/<namespace>`` with a source map,
exactly as it reads national cells.  Nothing here judges a value: the plugin's rules do.

- a row's cells land at ``/extensions/<namespace>/<table>/<row>/<column>``;
- a column's cells (one per national row) at ``/extensions/<namespace>/<table>/<national row>/<column>``;
- a statement's sentence lands at ``/extensions/<namespace>/statements/<id>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from checker import labels
from checker.labels import Label

NAMESPACE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
TABLES = ("t2", "t3", "t4")
CELL_KINDS = ("count", "amount")


@dataclass(frozen=True, slots=True)
class ExtraRow:
    """A row a province adds to a national table.

    ``table`` is ``t2``, ``t3`` or ``t4``; ``after`` the id of the national row it is printed after
    (for T2 it also names the block whose columns the row uses when ``columns`` is empty; for T3 and
    T4 an empty ``columns`` means the table's own columns).  ``kind`` says what its cells hold:
    ``count`` (non-negative whole numbers) or ``amount`` (decimals allowed).  ``variants`` are other
    printed spellings of the label.
    """

    namespace: str
    table: str
    id: str
    zh: str
    en: str
    columns: tuple[Label, ...] = ()
    variants: tuple[str, ...] = ()
    after: str = ""
    kind: str = "count"

    def resolved_columns(self) -> tuple[Label, ...]:
        """The columns the row's values are read into, in printed order."""
        if self.columns:
            return tuple(self.columns)
        if self.table == "t3":
            return labels.T3_COLUMNS
        if self.table == "t4":
            return labels.T4_COLUMNS
        block = next((b for b in labels.T2_2021 if any(r.id == self.after for r in b.rows)), None)
        return block.columns if block else ()

    @property
    def path(self) -> tuple[str, ...]:
        return ("extensions", self.namespace, self.table, self.id)


@dataclass(frozen=True, slots=True)
class ExtraColumn:
    """A column a province adds to table T3, printed after 「总计」 (e.g. 「其中：网上申请」).

    Its label sits in T3's header row; each national row then prints one more value, which is read
    into ``/extensions/<namespace>/t3/<row>/<id>``.  ``kind`` is ``count`` or ``amount``.
    """

    namespace: str
    table: str
    id: str
    zh: str
    en: str
    variants: tuple[str, ...] = ()
    kind: str = "count"

    @property
    def path(self) -> tuple[str, ...]:
        return ("extensions", self.namespace, self.table, "*", self.id)


@dataclass(frozen=True, slots=True)
class ExtraStatement:
    """A statement a province requires in the text (「本报告已经审核签发并加盖公章」).

    ``phrases`` are the printed words any one of which marks the sentence; ``section`` (1–6) limits
    the search to that canonical section, None searches the preface, every section and the signature.
    The assembler stores the first sentence that contains a phrase, as printed.
    """

    namespace: str
    id: str
    zh: str
    en: str
    phrases: tuple[str, ...]
    section: int | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return ("extensions", self.namespace, "statements", self.id)


@dataclass(frozen=True)
class TemplateExtensions:
    """Every row and statement the loaded plugins add, indexed by label for the assembler."""

    rows: tuple[ExtraRow, ...] = ()
    statements: tuple[ExtraStatement, ...] = ()
    columns: tuple[ExtraColumn, ...] = ()
    _index: dict[str, ExtraRow] = field(default_factory=dict, compare=False, repr=False)
    _columns: dict[str, ExtraColumn] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not (self.rows or self.columns):
            return  # a plain check with no plugin rows never imports the layout assembler
        from checker.loaders.layout import norm

        for row in self.rows:
            for text in (row.zh, *row.variants):
                self._index.setdefault(norm(text), row)
        for col in self.columns:
            for text in (col.zh, *col.variants):
                self._columns.setdefault(norm(text), col)

    def __bool__(self) -> bool:
        return bool(self.rows or self.statements or self.columns)

    def column(self, text: str) -> ExtraColumn | None:
        """The declared column whose printed label this header cell is, or None."""
        if not self._columns:
            return None
        from checker.loaders.layout import norm

        return self._columns.get(norm(text))

    def knows(self, text: str) -> bool:
        """Whether this text is the label of a declared row or column."""
        return self.row(text) is not None or self.column(text) is not None

    def row(self, text: str) -> ExtraRow | None:
        """The declared row whose printed label this cell text is, or None."""
        if not self._index:
            return None
        from checker.loaders.layout import norm

        return self._index.get(norm(text))

    def namespaces(self) -> list[str]:
        return list(dict.fromkeys([r.namespace for r in self.rows] + [c.namespace for c in self.columns]
                                  + [s.namespace for s in self.statements]))

    def schema(self, namespace: str) -> dict[str, Any]:
        """A JSON Schema for what the assembler writes into ``/extensions/<namespace>``, for a plugin
        that declares template extensions and no schema of its own."""
        tables: dict[str, Any] = {}
        for row in self.rows:
            if row.namespace != namespace:
                continue
            cell_type = ["integer", "null", "string"] if row.kind == "count" else ["number", "null", "string"]
            tables.setdefault(row.table, {"type": "object", "additionalProperties": False, "properties": {}})
            tables[row.table]["properties"][row.id] = {
                "title": row.zh, "type": "object", "additionalProperties": False,
                "properties": {c.id: {"title": c.zh, "type": cell_type, "maxLength": 200} for c in row.resolved_columns()}}
        for col in self.columns:
            if col.namespace != namespace:
                continue
            cell = {"title": col.zh, "type": ["integer", "null", "string"] if col.kind == "count"
                    else ["number", "null", "string"], "maxLength": 200}
            table = tables.setdefault(col.table, {"type": "object", "additionalProperties": False, "properties": {}})
            for row in labels.T3_ROWS_2021 + (labels.T3_OTHER_2019,):
                entry = table["properties"].setdefault(row.id, {"title": row.zh, "type": "object",
                                                                "additionalProperties": False, "properties": {}})
                entry["properties"][col.id] = cell
        statements = {s.id: {"title": s.zh, "type": "string", "maxLength": 2000}
                      for s in self.statements if s.namespace == namespace}
        props = dict(tables)
        if statements:
            props["statements"] = {"type": "object", "additionalProperties": False, "properties": statements}
        return {"title": f"插件 {namespace} 增加的表格行和声明", "type": "object", "additionalProperties": False,
                "properties": props}


def _texts_wrong(item: Any) -> str | None:
    """A label that is no text, or variants given as one string (which would be read letter by letter)."""
    if not isinstance(item.zh, str) or not item.zh.strip() or not isinstance(item.en, str):
        return f"{type(item).__name__} 的 zh 应为印刷的中文标签、en 为英文名称，实为 {item.zh!r}、{item.en!r}"
    variants = getattr(item, "variants", ())
    if isinstance(variants, str) or not all(isinstance(v, str) and v.strip() for v in variants):
        return f"「{item.zh}」的 variants 应为文字的元组，如 (\"写法一\", \"写法二\")，实为 {variants!r:.60}"
    return None


def validate(item: Any, taken: Mapping[str, Any]) -> str | None:
    """What is wrong with one declaration (a Chinese sentence), or None.  ``taken`` maps the labels
    and pointers already declared to their declaration."""
    from checker.loaders.layout import norm, recognise

    what = {ExtraRow: "表格行", ExtraColumn: "栏目", ExtraStatement: "声明"}.get(type(item))
    if what is None:
        return f"返回了 {item!r:.80}，不是 ExtraRow、ExtraColumn 或 ExtraStatement"
    wrong = _texts_wrong(item)
    if wrong:
        return wrong
    if not NAMESPACE.match(str(item.namespace)):
        return f"命名空间「{item.namespace}」应为小写字母开头的小写字母、数字和下划线"
    if not IDENTIFIER.match(str(item.id)):
        return f"{what}「{item.zh}」的 id「{item.id}」应为小写字母开头的小写字母、数字和下划线"
    if "/".join(item.path) in taken:
        return f"{what} {'/'.join(item.path)} 已经声明过"
    if isinstance(item, ExtraStatement):
        if isinstance(item.phrases, str) or not item.phrases or not all(isinstance(p, str) and p.strip() for p in item.phrases):
            return f"声明「{item.zh}」的 phrases 应为非空的词语列表"
        if item.section is not None and item.section not in range(1, 7):
            return f"声明「{item.zh}」的 section 应为 1–6 或 None"
        return None
    if item.kind not in CELL_KINDS:
        return f"{what}「{item.zh}」的 kind 应为 count 或 amount，实为 {item.kind!r}"
    if isinstance(item, ExtraColumn) and item.table != "t3":
        return f"栏目「{item.zh}」：目前只能在表三（t3）的「总计」之后增加栏目，table 实为 {item.table!r}"
    if isinstance(item, ExtraRow):
        if item.table not in TABLES:
            return f"表格行「{item.zh}」的 table 应为 t2、t3 或 t4，实为 {item.table!r}"
        if not all(isinstance(c, Label) for c in item.columns or ()):
            return f"表格行「{item.zh}」的 columns 应为 checker.labels.Label 的元组（id、中文、英文）"
        if not item.resolved_columns():
            return f"表二增加的行「{item.zh}」没有栏目：请给出 columns，或用 after 指明它所在的全国行（如 normative_documents）"
    for text in (item.zh, *item.variants):
        if recognise(text):
            return f"{what}标签「{text}」与全国模板的标签相同，无法区分；请换一个标签"
        owner = taken.get("label:" + norm(text))
        if owner is not None:
            return f"{what}标签「{text}」已由插件 {owner.namespace} 声明"
    return None


def collect(results: Iterable[tuple[str, Any]], problem: Any) -> TemplateExtensions:
    """The valid declarations of every plugin; ``problem(plugin, sentence)`` records the rest."""
    rows: list[ExtraRow] = []
    columns: list[ExtraColumn] = []
    statements: list[ExtraStatement] = []
    taken: dict[str, Any] = {}
    for plugin, result in results:
        for item in result or ():
            wrong = validate(item, taken)
            if wrong:
                problem(plugin, f"gov_check_template_extensions：{wrong}，已略去这一项")
                continue
            taken["/".join(item.path)] = item
            if isinstance(item, (ExtraRow, ExtraColumn)):
                from checker.loaders.layout import norm

                for text in (item.zh, *item.variants):
                    taken["label:" + norm(text)] = item
                (rows if isinstance(item, ExtraRow) else columns).append(item)  # type: ignore[arg-type]
            else:
                statements.append(item)
    found = TemplateExtensions(tuple(rows), tuple(statements), tuple(columns))
    register_places(found)
    return found


# How extension pointers are named for a reader (labels.describe asks here): the declarations of
# the plugins loaded in this process.
_PLACES: dict[str, tuple[str, str]] = {}


def register_places(extensions: TemplateExtensions) -> None:
    for row in extensions.rows:
        table = labels.TABLE_NAMES[row.table]
        base = "/" + "/".join(row.path)
        _PLACES[base] = (f"{table[0]} · {row.zh}", f"{table[1]} · {row.en}")
        for col in row.resolved_columns():
            _PLACES[f"{base}/{col.id}"] = (f"{table[0]} · {row.zh} · {col.place}", f"{table[1]} · {row.en} · {col.en}")
    for col in extensions.columns:
        for row in labels.T3_ROWS_2021 + (labels.T3_OTHER_2019,):
            _PLACES[f"/extensions/{col.namespace}/{col.table}/{row.id}/{col.id}"] = (
                f"表三 · {col.zh} · {row.place}", f"Table 3 · {col.en} · {row.en}")
    for st in extensions.statements:
        _PLACES["/" + "/".join(st.path)] = (f"「{st.zh}」", f"“{st.en}”")


def describe(pointer: str, zh: bool) -> str | None:
    """The place an ``/extensions/…`` pointer names, when a loaded plugin declared it."""
    found = _PLACES.get(pointer)
    return None if found is None else found[0 if zh else 1]
