"""Organ kinds: inferring the kind of an organ from its printed name."""

from __future__ import annotations

import re

# Municipalities directly under the central government are province-level.
_PROVINCE_LEVEL_CITIES = ("北京市", "天津市", "上海市", "重庆市")

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(街道办事处|街道办|街道)$"), "subdistrict_office"),
    (re.compile(r"(乡|镇|苏木)人民政府$"), "township_government"),
    # A 片区管理局 of a comprehensive zone (平潭综合实验区君山片区管理局, 海坛片区管理局) administers its area at
    # township level, so its report is a township's.  Not the 片区 of a free-trade zone, national park or
    # nature reserve (中国（福建）自由贸易试验区平潭片区管理局, …国家公园…片区管理局): those are functional
    # bodies, read as departments by the last rule.
    (re.compile(r"^(?!.*(自由贸易|自贸|国家公园|保护区|风景名胜区|景区|林区)).*片区管理局$"), "township_government"),
    (re.compile(r"(省|自治区)人民政府$"), "province_government"),
    (re.compile(r"^(北京|天津|上海|重庆)市人民政府$"), "province_government"),
    (re.compile(r"(自治州|地区|盟|市)人民政府$"), "city_government"),
    (re.compile(r"(县|区|旗|自治县|自治旗|特区|林区)人民政府$"), "county_government"),
    (re.compile(r"(办公厅|办公室|局|厅|委员会|委|办|署|部|院|中心|公署|处)$"), "department"),
)


def infer_kind(name: str | None) -> str | None:
    """The organ kind a name implies, or None when the name does not say.

    A county-level city (县级市, e.g. 昆山市人民政府) cannot be told from a prefecture-level one by
    its name: it is inferred as a city government and must be overridden in the metadata or config.
    """
    if not name:
        return None
    name = re.sub(r"\s+", "", name)
    for pattern, kind in _RULES:
        if pattern.search(name):
            return kind
    return None


# ---------------------------------------------------------------------------------------------
# Short forms (简称): how an organ's own documents shorten its name.
# ---------------------------------------------------------------------------------------------
# A short form is made from the full name in three ways, combined: higher places left out
# (「山西省阳泉市教育局」 → 「阳泉市教育局」), a place said by its level alone before the organ
# (「北京市科学技术委员会」 → 「市科委」), and the organ's words contracted to their first characters,
# keeping the word that says what kind of organ it is (「科学技术委员会」 → 「科委」, 「住房和城乡建设局」 →
# 「住建局」, 「管理委员会」 → 「管委会」).  A government's 「人民政府」 and a sub-district's 「办事处」 may go
# altogether (「阳泉市」, 「××街道」).

_LEVELS = ("自治区", "自治州", "自治县", "自治旗", "地区", "街道", "苏木", "林区", "特区", "省", "市", "州", "盟", "县",
           "区", "旗", "镇", "乡")
_DROPPABLE = {"人民政府": ("", "政府", "人民政府"), "政府": ("", "政府"), "办事处": ("", "办", "办事处")}
# The word that names the kind of organ and the character a contraction keeps of it.
_KIND_ENDINGS = (("委员会", "委会"), ("办公室", "办室"), ("办公厅", "办厅"), ("领导小组", "组"), ("事务所", "所"))


def _place_ends(name: str) -> list[int]:
    """Every position in ``name`` right after an administrative level word (a possible end of a place)."""
    return sorted({i + len(level) for level in _LEVELS for i in range(len(name)) if name.startswith(level, i)
                   and i > 0})


def _place_forms(place: str) -> set[tuple[str, bool]]:
    """How a title may say this place: in full, without the higher places, or by its level alone
    (the second item True: then only before the organ's own name, as in 「市科委」)."""
    ends = [0] + [e for e in _place_ends(place) if e < len(place)]
    forms = {(place[start:], False) for start in ends}
    last = place[max(ends):]
    forms |= {(level, True) for level in _LEVELS if last.endswith(level) and len(last) > len(level)}
    return forms


def _is_contraction(short: str, body: str) -> bool:
    """Whether ``short`` contracts ``body``: its characters in order, the first kept, and ending on
    the character that says what kind of organ it is (「科委」 of 「科学技术委员会」)."""
    if short == body:
        return True
    if len(short) < 2 or short[0] != body[0]:
        return False
    endings = {body[-1]}
    for word, kept in _KIND_ENDINGS:
        if body.endswith(word):
            endings |= set(kept)
    if short[-1] not in endings:
        return False
    it = iter(body)
    return all(ch in it for ch in short)


def is_short_form(candidate: str, full: str) -> bool:
    """Whether ``candidate`` names the organ ``full`` (no spaces in either): the name itself or one
    of its usual short forms (see above).  A place alone names a government, not a department."""
    if not candidate or not full:
        return False
    if candidate == full:
        return True
    for end in _place_ends(full):
        place, body = full[:end], full[end:]
        for place_form, level_only in _place_forms(place):
            if not candidate.startswith(place_form):
                continue
            rest = candidate[len(place_form):]
            if body in _DROPPABLE:
                ok = rest in _DROPPABLE[body] and (rest or not level_only)
            elif body:
                ok = bool(rest) and _is_contraction(rest, body)
            else:  # the name is a place (「××街道」)
                ok = not rest and not level_only
            if ok:
                return True
    return False


def is_place_of(candidate: str, full: str) -> bool:
    """Whether ``candidate`` is one of the places the organ's name begins with (「示例市」 of
    「示例省示例市教育局」), which alone does not name the organ."""
    return candidate not in _LEVELS and any(full[:end].endswith(candidate) and len(candidate) > 1
                                   for end in _place_ends(full) if end < len(full))
