"""What the user chose: profile, selection, severities, options, fail level, language — and the
`gov-check.toml` file that records those choices (found, validated, merged along `extends`)."""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from checker.findings import Severity

CONFIG_NAME = "gov-check.toml"
VCS_MARKERS = (".git", ".hg", ".svn")


class ConfigError(ValueError):
    """A configuration or mapping file that cannot be read, or names something that does not exist
    or says something invalid.

    ``str()`` is the one line the user sees: the file, the key and what is wrong.
    """


@dataclass(frozen=True)
class Profile:
    """A named rule set: which rules, at what severity, with what options.

    ``select`` lists codes, code prefixes or rule names (empty: every rule); ``extends`` names a
    profile whose settings this one starts from.
    """

    name: str
    description: str = ""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    extends: str | None = None


# [limits] key → (the LoadOptions field it sets, its unit in that field); rule_seconds sets
# Config.rule_seconds.  Each loader's message names the key that would raise its limit.
LIMITS = {"file_mb": ("max_bytes", 1 << 20), "unpacked_mb": ("max_decompressed_bytes", 1 << 20),
          "blocks": ("max_blocks", 1), "pdf_pages": ("max_pages", 1), "json_depth": ("max_depth", 1)}


@dataclass
class Config:
    profile: str = "national"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"  # error | warning | info | never
    lang: str = "zh"
    rule_seconds: float | None = 10.0  # time limit of one rule on one report (None: no limit)
    organ_kind: str | None = None  # every report is this kind of organ
    organ_kinds: dict[str, str] = field(default_factory=dict)  # organ-name glob → kind
    plugins: tuple[str, ...] = ()  # local plugin files or folders (absolute paths)
    waivers: str | None = None  # the waivers file (absolute path)
    limits: dict[str, int] = field(default_factory=dict)  # LoadOptions field → value, from [limits]
    files: tuple[str, ...] = ()  # the config files read, the given one first
    origins: dict[str, str] = field(default_factory=dict)  # "rules.GC011" → the file that set it

    def kind_for(self, organ_name: str) -> str | None:
        """The organ kind the configuration imposes on an organ of this name, if any."""
        for pattern, kind in self.organ_kinds.items():
            if fnmatch.fnmatchcase(organ_name or "", pattern) or pattern == organ_name:
                return kind
        return self.organ_kind


def matches(rule_code: str, rule_name: str, selectors: Iterable[str]) -> bool:
    """A selector is a code (GC203), a code prefix (GC2, GC) or a rule name (t3-balance)."""
    for s in selectors:
        s = s.strip()
        if s and (rule_code.upper().startswith(s.upper()) or s == rule_name or s.upper() == "ALL"):
            return True
    return False


# -- the config file ---------------------------------------------------------------------------

def find_config(start: str | Path) -> Path | None:
    """`gov-check.toml` in ``start`` (a report file's folder) or the nearest folder above it.

    The search stops at the filesystem root and at a version-control root (a folder holding
    .git, .hg or .svn), whose own gov-check.toml still counts.
    """
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if any((folder / m).exists() for m in VCS_MARKERS):
            return None
    return None


def _schema_errors(data: Any, file: Path) -> list[str]:
    from jsonschema import Draft202012Validator

    from checker.schema import load_schema

    schema = load_schema("config")
    out = []
    for err in sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        key = ".".join(str(p) for p in err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            key = ".".join(filter(None, [key, extra[0] if extra else ""]))
            what = f"未知的键「{'、'.join(extra)}」（可能是拼写错误）"
        elif err.validator == "enum":
            what = f"取值 {err.instance!r} 不在允许范围（{'、'.join(map(str, err.validator_value))}）内"
        elif err.validator == "type":
            what = f"应为 {err.validator_value}，实为 {json.dumps(err.instance, ensure_ascii=False, default=str)[:60]}"
        elif err.validator in ("maximum", "minimum", "exclusiveMinimum", "exclusiveMaximum"):
            bound = {"maximum": "不能大于", "minimum": "不能小于", "exclusiveMinimum": "必须大于",
                     "exclusiveMaximum": "必须小于"}[err.validator]
            what = f"取值 {err.instance!r} 超出范围（{bound} {err.validator_value}）"
        elif err.validator == "pattern":
            what = f"取值 {err.instance!r} 格式不对（应匹配 {err.validator_value}）"
        else:
            what = err.message[:200]
        out.append(f"{file}: {key or '（顶层）'}: {what}")
    return out


# A configuration, waivers, baseline, organ-map or hierarchy file larger than this is not one.
MAX_FILE_BYTES = 20 * 1024 * 1024


def read_text(path: Path) -> str:
    """A UTF-8 text file, with or without the byte-order mark Windows editors write; a FIFO, a device
    or a file past MAX_FILE_BYTES is refused like a report would be (checker.loaders.read_regular)."""
    from checker.loaders import LoadError, read_regular

    try:
        data = read_regular(Path(path), MAX_FILE_BYTES)
    except LoadError as exc:
        raise ConfigError(str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: 不是 UTF-8 文本（请另存为 UTF-8 编码）") from None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file (configuration, organ map, hierarchy) → its data, or ConfigError in one line."""
    import tomllib  # only when such a file is given: a plain check does not pay for the parser

    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 格式错误：{exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: TOML 嵌套层数过深，不是配置文件") from None
    bad = _not_finite(data)
    if bad:
        raise ConfigError(f"{path}: {bad}: 数值必须是有限数（不能是 inf 或 nan）")
    return data


def _not_finite(data: Any, key: str = "") -> str | None:
    """The dotted key of the first inf or nan in TOML data, or None (TOML allows both; no setting
    means them, and they break every comparison and conversion)."""
    import math

    stack = [(key, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return where or "（顶层）"
        if isinstance(value, dict):
            stack.extend((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(value))
    return None


def _read_chain(path: Path, seen: tuple[Path, ...] = ()) -> list[tuple[Path, dict[str, Any]]]:
    """The file and every file it extends, the most basic first; each one validated."""
    path = path.resolve()
    if path in seen:
        raise ConfigError(f"{path}: extends 循环引用（{' → '.join(map(str, (*seen, path)))}）")
    data = read_toml(path)
    errors = _schema_errors(data, path)
    if errors:
        raise ConfigError("\n".join(errors))
    chain: list[tuple[Path, dict[str, Any]]] = []
    if "extends" in data:
        chain = _read_chain((path.parent / data["extends"]), (*seen, path))
    return chain + [(path, data)]


def load_config(path: str | Path, base: Config | None = None) -> Config:
    """Read a config file (and what it extends) into a Config; later files override earlier ones.

    Relative paths in a file (plugins, waivers, extends) are relative to that file.
    """
    cfg = base or Config()
    files: list[str] = []
    for file, data in _read_chain(Path(path)):
        files.insert(0, str(file))
        here = file.parent
        if "profile" in data:
            cfg.profile = data["profile"]
        if "select" in data:
            cfg.select = tuple(data["select"])
        if "ignore" in data:
            cfg.ignore = cfg.ignore + tuple(data["ignore"])
        if "fail_on" in data:
            cfg.fail_on = data["fail_on"]
        if "lang" in data:
            cfg.lang = data["lang"]
        if "organ_kind" in data:
            cfg.organ_kind = data["organ_kind"]
        cfg.organ_kinds.update(data.get("organ_kinds", {}))
        cfg.plugins = cfg.plugins + tuple(str((here / p).resolve()) for p in data.get("plugins", ()))
        if "waivers" in data:
            cfg.waivers = str((here / data["waivers"]).resolve())
        for key, value in data.get("limits", {}).items():
            if key == "rule_seconds":
                cfg.rule_seconds = float(value) or None
            else:
                option, unit = LIMITS[key]
                cfg.limits[option] = int(value * unit)
        for code, settings in data.get("rules", {}).items():
            cfg.origins[f"rules.{code.upper()}"] = str(file)
            settings = dict(settings)
            if "severity" in settings:
                cfg.severities[code.upper()] = Severity(settings.pop("severity"))
            if settings:
                cfg.options.setdefault(code.upper(), {}).update(settings)
    cfg.files = tuple(files)
    return cfg


STARTER = '''\
# gov-check.toml — gov-check 的配置（gov-check 在报告所在的文件夹及其上级文件夹中查找本文件，
# 直到文件系统根目录或版本库根目录为止；也可以用 --config 指定）。
# The configuration of gov-check, found next to the report or in a folder above it.
# 全部键见 schemas/config.schema.json；命令行选项优先于本文件。

# 继承另一个配置文件（路径相对于本文件），本文件的设置覆盖它的设置。
# extends = "../province/gov-check.toml"

# 规则配置（profile）：national（默认）、national-2021、national-2019，或省级插件提供的配置。
# `gov-check plugins` 列出已安装的插件及其提供的配置。
profile = "national"

# 只运行这些规则（代码、代码前缀或规则名）；不写则运行全部规则。
# select = ["GC2", "GC3"]

# 不运行这些规则。
# ignore = ["GC011"]

# 达到该级别的问题使退出码为 1：error、warning、info、never。
fail_on = "error"

# 输出语言：zh 或 en。
# lang = "zh"

# 机关类别：覆盖报告中写明的或按名称推断的类别（对全部报告）；按机关名称指定见文件末尾 [organ_kinds]。
# organ_kind = "department"

# 不能安装软件包的单位：直接加载本地插件文件或文件夹（路径相对于本文件）。
# plugins = ["local_rules.py"]

# 豁免清单（TOML，见 docs/plugins.md「豁免」）。
# waivers = "waivers.toml"

# 以下是表（TOML 中表必须写在普通键之后）。
# 按机关名称（可用通配符 *）指定机关类别。
# [organ_kinds]
# "*街道办事处" = "subdistrict_office"

# 每条规则的严重程度（error、warning、info）和选项（`gov-check explain CODE` 列出规则的选项）。
# [rules.GC011]
# severity = "error"

# 上限（默认值如下）：报告特别大时才需调高。
# [limits]
# file_mb = 50          # 报告文件大小（MB）
# unpacked_mb = 100     # Word 文件、PDF 压缩数据解压后的大小（MB）
# blocks = 20000        # Word 文件或网页的段落与表格单元格数
# pdf_pages = 100       # PDF 页数
# json_depth = 64       # JSON 嵌套层数
# rule_seconds = 10     # 一条规则检查一份报告的时间（秒，0 为不限）
'''


def write_starter(path: str | Path) -> Path:
    """Write the commented starter config; never overwrite an existing file."""
    path = Path(path)
    if path.is_dir():
        path = path / CONFIG_NAME
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(STARTER)
    except FileExistsError:
        raise ConfigError(f"{path}: 已存在，未覆盖") from None
    return path
