#include "uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace Boucle {

namespace {

// Owned by the application object so they live as long as the strings they translate.
QTranslator *s_qtTranslator = nullptr;
QTranslator *s_boucleTranslator = nullptr;

QString requestedLanguage()
{
    const QString fromEnvironment = qEnvironmentVariable(UiLanguage::environmentVariable).trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QSettings().value(QLatin1String(UiLanguage::settingsKey)).toString().trimmed();
}

} // namespace

QLocale UiLanguage::chosen()
{
    const QString requested = requestedLanguage();
    if (requested.isEmpty())
        return QLocale::system();
    return QLocale(requested);
}

bool UiLanguage::isForced()
{
    return !requestedLanguage().isEmpty();
}

QString UiLanguage::catalogueFolder()
{
    return QStringLiteral(":/i18n");
}

bool UiLanguage::install(const QLocale &locale)
{
    uninstall();
    auto *app = QCoreApplication::instance();
    s_qtTranslator = new QTranslator(app);
    if (s_qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(s_qtTranslator);
    } else {
        delete s_qtTranslator;
        s_qtTranslator = nullptr;
    }
    s_boucleTranslator = new QTranslator(app);
    if (s_boucleTranslator->load(locale, QStringLiteral("boucle"), QStringLiteral("_"),
                                 catalogueFolder())) {
        QCoreApplication::installTranslator(s_boucleTranslator);
        return true;
    }
    delete s_boucleTranslator;
    s_boucleTranslator = nullptr;
    return false;
}

void UiLanguage::uninstall()
{
    for (QTranslator **translator : {&s_qtTranslator, &s_boucleTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

} // namespace Boucle
