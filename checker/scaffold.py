"""`gov-check new-plugin NAME`: the skeleton of a province plugin package that installs and
passes its own tests as generated (one rule, one profile, a cases file, one line of test code)."""

from __future__ import annotations

import re
from pathlib import Path

from checker import __version__


class ScaffoldError(Exception):
    """The plugin cannot be generated (bad name, folder exists)."""


PYPROJECT = '''\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "{dist}"
version = "0.1.0"
description = "gov-check 插件：{name}"
requires-python = ">=3.11"
dependencies = ["gov-check>={gc_version}"]

[project.optional-dependencies]
test = ["pytest>=7.4", "pyyaml>=6.0"]

# gov-check finds installed plugins through this entry-point group.
[project.entry-points.gov_check]
{ep} = "{package}"

[tool.setuptools]
packages = ["{package}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
'''

README = '''\
# {dist}

gov-check 插件：{name}。

```sh
pip install -e '.[test]'     # 安装插件和测试依赖
pytest                       # 运行 tests/cases/*.yaml 中的用例
gov-check rules              # 插件的规则（{prefix}801）出现在列表中
gov-check plugins            # 插件、版本、规则、规则配置
gov-check report.json --profile {ep}
```

不能安装软件包时：`gov-check report.json --plugin path/to/{package}`。

添加规则：在 `{package}/rules.py` 中写一个 `Rule` 子类，加入 `gov_check_rules()` 的列表，
在 `tests/cases/` 中为它写一个用例文件（至少一个通过、一个不通过的用例）。
钩子与测试工具的说明见 gov-check 的 docs/plugins.md。
'''

INIT = '''\
"""gov-check 插件：{name}."""

from __future__ import annotations

from checker import hookimpl
from checker.config import Profile
from checker.findings import Severity

__version__ = "0.1.0"


@hookimpl
def gov_check_rules() -> list[type]:
    from {package}.rules import ContactPhone

    return [ContactPhone]


@hookimpl
def gov_check_profiles() -> list[Profile]:
    # 本省的规则配置：全国规则（2021年格式）+ 本插件的规则，可调整严重程度和选项。
    return [Profile("{ep}", "{name}：全国规则 + 本省规则", extends="national-2021",
                    severities={{"{prefix}801": Severity.ERROR}})]
'''

RULES = '''\
"""Rules of the {name} plugin."""

from __future__ import annotations

from checker.findings import Severity
from checker.rule import Option, Rule


class ContactPhone(Rule):
    """报告须写明政府信息公开工作机构的联系电话。

    检查什么
    报告的正文或落款中出现选项 keywords 中的任一词语（默认「联系电话」「咨询电话」）。

    为什么
    （写明本省的要求和理由。）

    依据
    （写明文件名称和条款。）

    错误示例
    报告全文没有联系电话。

    正确示例
    落款前写明「联系电话：0000-1234567」。
    """

    # The same documentation in English (gov-check explain --lang en), under the same headings.
    doc_en = """The report states the telephone number of the organ's disclosure office.

    What it checks
    One of the words of option keywords (by default 「联系电话」「咨询电话」) appears in the text or signature.

    Why
    (The province's requirement and its reason.)

    Basis
    (The document and its clause.)

    Wrong
    The report has no telephone number.

    Right
    「联系电话：0000-1234567」 before the signature.
    """

    code = "{prefix}801"
    name = "{ep_kebab}-contact-phone"
    title_zh = "写明联系电话"
    title_en = "States a contact telephone number"
    clause = "（本省文件）"
    severity = Severity.WARNING
    templates = frozenset({{"2021", "2019", "legacy"}})
    options = {{"keywords": Option(["联系电话", "咨询电话"], "任一词语出现即可", list, en="any one of these words is enough")}}
    messages = {{
        "missing": ("报告没有写明联系电话（未出现：{{words}}）", "the report states no contact telephone ({{words}})"),
    }}

    def check(self, ctx):
        words = list(ctx.options["keywords"])
        if not any(w in ctx.report.full_text for w in words):
            yield self.finding("missing", "/signature", words=words)
'''

TEST = '''\
from checker.testing import cases_test

test_cases = cases_test(__file__, plugins=["{package}"])  # runs tests/cases/*.yaml
'''

CASES = '''\
# 用例：从一份干净的报告（clean-2021）出发，打补丁（JSON Pointer → 值），写明期望的结论和问题。
rule: {prefix}801
cases:
  - name: phone_stated
    patch: {{/signature: "联系电话：0000-1234567\\n示例厅\\n2024年1月20日"}}
    outcome: pass
  - name: no_phone
    outcome: fail
    findings:
      - pointer: /signature
        severity: warning
        message_contains: 没有写明联系电话
  - name: other_wording_by_option
    options: {{keywords: [办公电话]}}
    patch: {{/signature: "办公电话：0000-1234567"}}
    outcome: pass
  - name: the_province_profile_makes_it_an_error
    profile: {ep}
    outcome: fail
    findings: [{{severity: error}}]
'''


def names(name: str, prefix: str | None = None) -> dict[str, str]:
    slug = re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")
    if not slug or not slug[0].isalpha():
        raise ScaffoldError(f"插件名「{name}」应以英文字母开头，只含字母、数字和连字符（如 sichuan、zhejiang-city）")
    prefix = (prefix or slug.replace("_", "")[:2]).upper()
    if not re.fullmatch(r"[A-Z]{2}", prefix) or prefix == "GC":
        raise ScaffoldError(f"规则代码前缀「{prefix}」应为两个大写字母，且不是 GC（全国规则专用）")
    return {"name": name, "dist": "gov-check-" + slug.replace("_", "-"), "package": "gov_check_" + slug,
            "ep": slug, "ep_kebab": slug.replace("_", "-"), "prefix": prefix, "gc_version": __version__}


def write_plugin(name: str, directory: str | Path = ".", prefix: str | None = None) -> Path:
    """Write gov-check-NAME/ into ``directory``; never into an existing folder."""
    n = names(name, prefix)
    root = Path(directory) / n["dist"]
    if root.exists():
        raise ScaffoldError(f"{root}: 已存在，未覆盖")
    files = {
        "pyproject.toml": PYPROJECT, "README.md": README, f"{n['package']}/__init__.py": INIT,
        f"{n['package']}/rules.py": RULES, "tests/test_cases.py": TEST, f"tests/cases/{n['prefix']}801.yaml": CASES,
    }
    for rel, template in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**n), encoding="utf-8")
    return root
