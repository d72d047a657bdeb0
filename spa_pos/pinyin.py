"""Search keys for Chinese names: full pinyin and initials ('张三' -> 'zhangsan', 'zs').

Members and catalog items store their keys with the row, so looking them up never needs
pypinyin; it is imported here only when a name is written (its dictionaries take about
0.3 s to load, which start-up must not pay).
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

# Clinic words pypinyin reads wrongly on its own: 椎 is zhuī in 颈椎 (it says chuí).
CLINIC_PHRASES = {"颈椎": [["jǐng"], ["zhuī"]]}


@cache
def _pypinyin() -> ModuleType:
    import pypinyin

    pypinyin.load_phrases_dict(CLINIC_PHRASES)
    return pypinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """'张三' -> ('zhangsan', 'zs'); Latin letters and digits are kept as they are."""
    py = _pypinyin()
    syllables = [s.lower() for s in py.lazy_pinyin(name, errors="default") if s.strip()]
    initials = [s.lower() for s in py.lazy_pinyin(name, style=py.Style.FIRST_LETTER) if s.strip()]
    return "".join(syllables).replace(" ", ""), "".join(initials).replace(" ", "")
