"""Languages of the window.

Source strings in the code are English (`self.tr("Member lookup")`); the Chinese comes from
`resources/translations/spa_pos_zh_CN.qm`. After changing a string, refresh the catalogs:

    .venv/bin/pyside6-lupdate spa_pos/ui/*.py -ts resources/translations/spa_pos_zh_CN.ts \
        resources/translations/spa_pos_en.ts
    .venv/bin/pyside6-lrelease resources/translations/spa_pos_zh_CN.ts \
        resources/translations/spa_pos_en.ts

Switching language installs another translator; Qt then sends every widget a
`LanguageChange` event and the persistent widgets re-run their `retranslate()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from spa_pos import messages
from spa_pos.paths import resources_dir

ZH_CN = "zh_CN"
EN = "en"
LANGUAGES = (ZH_CN, EN)
LANGUAGE_LABELS = {ZH_CN: "中文", EN: "English"}  # each in its own language, never translated


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the clinic's setting, else the system's if we have it,
    else Chinese (the staff's language)."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name()
    if name.startswith("zh"):
        return ZH_CN
    if name.startswith("en"):
        return EN
    return ZH_CN


class Translators:
    """The translators installed on the application: ours and Qt's own (`qtbase_*.qm`,
    shipped in the PySide6 wheel's TranslationsPath), which speak for Qt's dialogs:
    message box buttons, the folder and file pickers."""

    def __init__(self) -> None:
        self.language = ""
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> None:
        """Install `language` (one of LANGUAGES); a no-op if it is already in force. The
        services' messages (refusals) follow it."""
        messages.set_language(language)
        if language == self.language:
            return
        app = QCoreApplication.instance()
        assert app is not None
        self.remove()
        ours = QTranslator()
        if ours.load(str(translations_dir() / f"spa_pos_{language}.qm")):
            self._installed.append(ours)
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            self._installed.append(qt)
        for translator in self._installed:
            app.installTranslator(translator)
        self.language = language

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
        self.language = ""


# Names shown for codes the services use. In Chinese they read as the services' own
# names (checkout.METHOD_NAMES, RULE_NAMES, jobs.JOB_TITLES); tests/ui/test_i18n.py keeps
# them in step.
METHODS = {
    "cash": QT_TRANSLATE_NOOP("Names", "Cash"),
    "card": QT_TRANSLATE_NOOP("Names", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("Names", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Names", "Alipay"),
}
RULES = {
    "E1": QT_TRANSLATE_NOOP("Names", "Item points"),
    "E2": QT_TRANSLATE_NOOP("Names", "Course bonus"),
    "E3": QT_TRANSLATE_NOOP("Names", "Referral bonus"),
    "E4": QT_TRANSLATE_NOOP("Names", "Event points"),
    "E5": QT_TRANSLATE_NOOP("Names", "Streak bonus"),
    "E6": QT_TRANSLATE_NOOP("Names", "Birthday bonus"),
    "E7": QT_TRANSLATE_NOOP("Names", "Tier bonus"),
    "E8": QT_TRANSLATE_NOOP("Names", "Manual adjustment"),
}
VOUCHER_STATUSES = {
    "issued": QT_TRANSLATE_NOOP("Names", "Unused"),
    "used": QT_TRANSLATE_NOOP("Names", "Used"),
    "cancelled": QT_TRANSLATE_NOOP("Names", "Cancelled"),
    "expired": QT_TRANSLATE_NOOP("Names", "Expired"),
}
REWARD_KINDS = {
    "service": QT_TRANSLATE_NOOP("Names", "Treatment"),
    "coupon": QT_TRANSLATE_NOOP("Names", "Coupon"),
    "gift": QT_TRANSLATE_NOOP("Names", "Gift"),
}
SALE_STATUSES = {
    "completed": QT_TRANSLATE_NOOP("Names", "Completed"),
    "refunded": QT_TRANSLATE_NOOP("Names", "Refunded"),
    "partially_refunded": QT_TRANSLATE_NOOP("Names", "Partly refunded"),
}

JOBS = {
    "expiry": QT_TRANSLATE_NOOP("Names", "Points expiry"),
    "streaks": QT_TRANSLATE_NOOP("Names", "Streak bonuses"),
    "reminders": QT_TRANSLATE_NOOP("Names", "Member reminders"),
    "tags": QT_TRANSLATE_NOOP("Names", "Member tags"),
    "backup": QT_TRANSLATE_NOOP("Names", "End-of-day backup"),
}
JOB_STATUSES = {
    "ok": QT_TRANSLATE_NOOP("Names", "Done"),
    "skipped": QT_TRANSLATE_NOOP("Names", "Skipped"),
    "failed": QT_TRANSLATE_NOOP("Names", "Failed"),
}


def _name(table: dict[str, object], key: str) -> str:
    return QCoreApplication.translate("Names", str(table[key])) if key in table else key


def method_name(method: str) -> str:
    return _name(METHODS, method)


def rule_name(rule: str) -> str:
    return _name(RULES, rule)


def voucher_status(status: str) -> str:
    return _name(VOUCHER_STATUSES, status)


def reward_kind(kind: str) -> str:
    return _name(REWARD_KINDS, kind)


def sale_status(status: str) -> str:
    return _name(SALE_STATUSES, status)


def job_title(job: str) -> str:
    return _name(JOBS, job)


def job_status(status: str) -> str:
    return _name(JOB_STATUSES, status)
