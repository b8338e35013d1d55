"""A comparison as JSON, described by schemas/compare.schema.json."""

from __future__ import annotations

import json
from typing import Any


def render(comparison: dict[str, Any]) -> str:
    return json.dumps(comparison, ensure_ascii=False, indent=2) + "\n"
