"""Message catalogues for what the services tell a person (refusals, mostly).

Each language is a module holding one dict, code -> template; templates use
`str.format` fields named like the error's parameters (`{balance}`). Chinese is the
reference catalogue: a code missing from another language falls back to it, and
`tests/test_messages.py` holds the two in step (same codes, same fields) and checks that
every code raised in `spa_pos` is in them.

The language in force is process-wide: the window sets it from its language setting,
the CLI from the clinic's setting or the environment (`SPA_POS_LANG`, then `LANG`).
"""

from __future__ import annotations

from collections.abc import Mapping

from spa_pos.messages import en, zh_CN

DEFAULT_LANGUAGE = "zh_CN"
CATALOGUES: dict[str, Mapping[str, str]] = {"zh_CN": zh_CN.MESSAGES, "en": en.MESSAGES}

_language = DEFAULT_LANGUAGE


def normalize(language: str | None) -> str:
    """A catalogue name for a locale name: "en_US.UTF-8" -> "en"; anything else Chinese."""
    if language and language.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def set_language(language: str | None) -> str:
    """Render messages in `language` from now on; returns the catalogue chosen."""
    global _language
    _language = normalize(language)
    return _language


def current_language() -> str:
    return _language


def render(code: str, params: Mapping[str, object], language: str | None = None) -> str:
    """The sentence for `code`; an unknown code renders as itself with its parameters,
    so a missing translation is visible but never hides the refusal."""
    lang = normalize(language) if language else _language
    template = CATALOGUES[lang].get(code) or CATALOGUES[DEFAULT_LANGUAGE].get(code)
    if template is None:
        args = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code}({args})" if args else code
    return template.format(**params)
