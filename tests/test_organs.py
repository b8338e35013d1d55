"""Organ kinds inferred from printed names, including the township-level 片区管理局 of the corpus."""

from __future__ import annotations

import pytest

from checker.organs import infer_kind


@pytest.mark.parametrize(("name", "kind"), [
    ("平潭综合实验区君山片区管理局", "township_government"),
    ("平潭综合实验区海坛片区管理局", "township_government"),
    ("君山片区管理局", "township_government"),
    # Functional zones that share the word are departments, not townships.
    ("中国（福建）自由贸易试验区平潭片区管理局", "department"),
    ("大熊猫国家公园四川省雅安片区管理局", "department"),
    ("某某自然保护区东片区管理局", "department"),
    # The zone's departments stay departments.
    ("平潭综合实验区社会事业局", "department"),
    ("平潭综合实验区财政金融局", "department"),
    ("某镇人民政府", "township_government"),
    ("某某街道办事处", "subdistrict_office"),
    ("淮安市人民政府", "city_government"),
    ("北京市人民政府", "province_government"),
    ("", None),
    ("片区", None),
])
def test_infer_kind(name, kind):
    assert infer_kind(name) == kind
