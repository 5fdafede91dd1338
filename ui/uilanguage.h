// UiLanguage: which language the window speaks, and the translators that make it speak it.
// The language is, in order: the BOUCLE_LANGUAGE environment variable ("fr", "en", "fr_FR"...),
// the "language" setting (same values), else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
// Boucle's own catalogue is embedded (:/i18n/boucle_<lang>.qm); Qt's (qtbase_<lang>.qm, the
// standard dialogs' buttons) comes from Qt's translations folder when the system has it.
// GUI thread, before the first window is made.
#pragma once

#include <QLocale>
#include <QString>

namespace Boucle {

class UiLanguage
{
public:
    static constexpr const char *environmentVariable = "BOUCLE_LANGUAGE";
    static constexpr const char *settingsKey = "language";

    // The locale asked for by the environment variable or the setting; the system's otherwise.
    static QLocale chosen();
    // True when the environment variable or the setting asks for a language.
    static bool isForced();

    // Installs Qt's and Boucle's translators for `locale` on the application (replacing any
    // installed by an earlier call). Returns false when Boucle has no catalogue for it, in which
    // case the window stays in English.
    static bool install(const QLocale &locale);
    // Removes what install() put in place: back to the English of the sources.
    static void uninstall();

    // Where the embedded catalogues are, for tests and diagnostics.
    static QString catalogueFolder();
};

} // namespace Boucle
