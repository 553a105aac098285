"""Languages: load compiled translations (.qm) per area, Qt's own, or pseudo mode.

The language follows the system locale unless Settings says English or 简体中文.
Pseudo mode stretches every string 1.5x so clipped layouts show up in screenshots.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resource_path

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
# Qt's own words that the qtbase translations shipped with PySide6 lack (Qt 6 added
# mnemonics to them); ours come after Qt's and fill these in (core.zh_CN.json).
QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)
# The language the interface shows now (set by ``install_translators``): documents made
# from the window (the quote PDF, the meeting pack) default to it.
_interface = ["en"]


def interface_language() -> str:
    return _interface[0]


def resolve_language(setting: str | None) -> str:
    if setting in LANGUAGES:
        return setting
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


class PseudoTranslator(QTranslator):
    """Every string 1.5x longer, bracketed, with accents: finds clipped layouts."""

    _ACCENTS = str.maketrans("aeiouAEIOU", "àéîõüÀÉÎÕÜ")

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source:
            return source
        return "[" + source.translate(self._ACCENTS) + "~" * max(1, len(source) // 2) + "]"

    def isEmpty(self) -> bool:
        return False


def install_translators(
    app: QCoreApplication, language: str, pseudo: bool = False
) -> list[QTranslator]:
    """Install translators on ``app``; keep the returned list alive as long as the app."""
    installed: list[QTranslator] = []
    _interface[0] = "en" if pseudo else language
    if pseudo:
        translator = PseudoTranslator(app)
        app.installTranslator(translator)
        return [translator]
    if language == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    for qm in sorted(resource_path("translations").glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    _interface[0] = "en"
