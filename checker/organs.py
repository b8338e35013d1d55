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
