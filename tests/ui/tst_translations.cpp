// The French translation as a French-speaking reviewer meets it: the embedded catalogue loads,
// the language follows BOUCLE_LANGUAGE, the setting and the system, the main window's menus and
// decision bar speak French with one accelerator per key, core's messages arrive translated, and
// every entry of translations/boucle_fr.ts is finished and keeps its placeholders.
#include "imaging/sampleimageloader.h"
#include "ingest/logimporter.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "queue/queuemodel.h"
#include "reviewfixture.h"
#include "store/projectstore.h"
#include "uilanguage.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

const QChar noBreakSpace(0x00a0);

// "Co&mment:" -> 'm'; no accelerator -> null.
QChar accelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(0));
    return found;
}

struct TsEntry
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty when done
    bool numerus = false;
    qint64 line = 0;
};

QList<TsEntry> readTs(const QString &path, QString *error)
{
    QList<TsEntry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsEntry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry = TsEntry();
            entry.context = context;
            entry.numerus
                    = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            entry.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            if (entry.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        entry.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                entry.translations.append(xml.readElementText());
            }
            entries.append(entry);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return entries;
}

QString tsPath()
{
    return QDir(QStringLiteral(BOUCLE_TEST_DATA_DIR))
            .absoluteFilePath(QStringLiteral("../../translations/boucle_fr.ts"));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void embeddedCatalogueLoads();
    void languageIsChosen_data();
    void languageIsChosen();
    void menusSpeakFrench();
    void decisionBarSpeaksFrench();
    void acceleratorsDoNotClash();
    void queueHeadersSpeakFrench();
    void coreMessagesArriveInFrench();
    void qtDialogsSpeakFrench();
    void everyEntryIsFinished();
    void placeholdersAreKept();
    void frenchTypography();

private:
    // A window with no project, in the language installed by init().
    MainWindow *makeWindow();

    WindowFixture m_window;
};

void TestTranslations::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_translations"));
}

void TestTranslations::init()
{
    QVERIFY(m_window.prepare());
    qunsetenv(UiLanguage::environmentVariable);
    QVERIFY(UiLanguage::install(QLocale(QLocale::French, QLocale::France)));
}

void TestTranslations::cleanup()
{
    m_window.reset();
    UiLanguage::uninstall();
    qunsetenv(UiLanguage::environmentVariable);
    QSettings().clear();
}

MainWindow *TestTranslations::makeWindow()
{
    return m_window.showWindow(QSize(1400, 860)) ? m_window.window() : nullptr;
}

void TestTranslations::embeddedCatalogueLoads()
{
    QTranslator translator;
    QVERIFY(translator.load(UiLanguage::catalogueFolder() + QStringLiteral("/boucle_fr.qm")));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.translate("Boucle::MainWindow", "&File"), QStringLiteral("&Fichier"));
    // Without the French catalogue the sources' English shows.
    UiLanguage::uninstall();
    QCOMPARE(QCoreApplication::translate("Boucle::MainWindow", "&File"), QStringLiteral("&File"));
    QVERIFY(!UiLanguage::install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(QCoreApplication::translate("Boucle::MainWindow", "&File"), QStringLiteral("&File"));
}

void TestTranslations::languageIsChosen_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<bool>("forced");
    QTest::addColumn<int>("language"); // QLocale::Language; AnyLanguage: the system's

    QTest::newRow("system") << QString() << QString() << false << int(QLocale::AnyLanguage);
    QTest::newRow("environment") << QStringLiteral("fr") << QString() << true
                                 << int(QLocale::French);
    QTest::newRow("environment with region")
            << QStringLiteral("fr_CA") << QString() << true << int(QLocale::French);
    QTest::newRow("setting") << QString() << QStringLiteral("fr") << true << int(QLocale::French);
    QTest::newRow("environment wins over setting")
            << QStringLiteral("en") << QStringLiteral("fr") << true << int(QLocale::English);
}

void TestTranslations::languageIsChosen()
{
    QFETCH(QString, environment);
    QFETCH(QString, setting);
    QFETCH(bool, forced);
    QFETCH(int, language);

    if (!environment.isEmpty())
        qputenv(UiLanguage::environmentVariable, environment.toUtf8());
    if (!setting.isEmpty())
        QSettings().setValue(QLatin1String(UiLanguage::settingsKey), setting);

    QCOMPARE(UiLanguage::isForced(), forced);
    const QLocale chosen = UiLanguage::chosen();
    if (language == int(QLocale::AnyLanguage))
        QCOMPARE(chosen, QLocale::system());
    else
        QCOMPARE(int(chosen.language()), language);
    // The French catalogue is installed exactly when French was chosen.
    QCOMPARE(UiLanguage::install(chosen), chosen.language() == QLocale::French);
}

void TestTranslations::menusSpeakFrench()
{
    MainWindow *window = makeWindow();
    QVERIFY(window);
    QStringList titles;
    for (QAction *action : window->menuBar()->actions())
        titles.append(action->text());
    QCOMPARE(titles, QStringList({QStringLiteral("&Fichier"), QStringLiteral("É&dition"),
                                  QStringLiteral("&Revue"), QStringLiteral("D&ocument"),
                                  QStringLiteral("C&lasses"), QStringLiteral("Affic&hage"),
                                  QStringLiteral("&Projet"), QStringLiteral("&Aide")}));

    QMenu *file = window->menuBar()->actions().at(0)->menu();
    QStringList fileItems;
    for (QAction *action : file->actions()) {
        if (!action->isSeparator())
            fileItems.append(action->text());
    }
    QVERIFY2(fileItems.contains(QStringLiteral("&Ouvrir un projet…")),
             qPrintable(fileItems.join(QLatin1String(" | "))));
    QVERIFY(fileItems.contains(QStringLiteral("&Quitter")));

    QMenu *review = window->menuBar()->actions().at(2)->menu();
    QStringList reviewItems;
    for (QAction *action : review->actions()) {
        if (!action->isSeparator())
            reviewItems.append(action->text());
    }
    QVERIFY2(reviewItems.contains(QStringLiteral("&Approuver")),
             qPrintable(reviewItems.join(QLatin1String(" | "))));
    QVERIFY(reviewItems.contains(QStringLiteral("C&orriger avec la classe choisie")));
    QVERIFY(reviewItems.contains(QStringLiteral("&Transmettre à un expert")));
}

void TestTranslations::decisionBarSpeaksFrench()
{
    MainWindow *window = makeWindow();
    QVERIFY(window);
    QStringList labels;
    for (QLabel *label : window->decisionBar()->findChildren<QLabel *>())
        labels.append(label->text());
    QVERIFY2(labels.contains(QStringLiteral("&Classe") + noBreakSpace + QLatin1Char(':')),
             qPrintable(labels.join(QLatin1String(" | "))));
    QVERIFY(labels.contains(QStringLiteral("Co&mmentaire") + noBreakSpace + QLatin1Char(':')));

    // The buttons say it short; their tooltips say it whole, with the key.
    QStringList buttons;
    QStringList tips;
    for (QToolButton *button : window->decisionBar()->findChildren<QToolButton *>()) {
        buttons.append(button->text());
        tips.append(button->toolTip());
    }
    for (const QString &expected : {QStringLiteral("Approuver (A)"), QStringLiteral("Corriger (O)"),
                                    QStringLiteral("Réétiqueter (R)"), QStringLiteral("Passer (S)"),
                                    QStringLiteral("Transmettre (E)")}) {
        QVERIFY2(buttons.contains(expected), qPrintable(buttons.join(QLatin1String(" | "))));
    }
    QVERIFY2(tips.contains(QStringLiteral("Corriger avec la classe choisie (O)")),
             qPrintable(tips.join(QLatin1String(" | "))));
}

void TestTranslations::acceleratorsDoNotClash()
{
    MainWindow *window = makeWindow();
    QVERIFY(window);
    // Alt+letter in the window: menu titles and the decision bar's labels.
    QHash<QChar, QString> windowKeys;
    QStringList windowTexts;
    for (QAction *action : window->menuBar()->actions())
        windowTexts.append(action->text());
    for (QLabel *label : window->decisionBar()->findChildren<QLabel *>()) {
        if (label->buddy())
            windowTexts.append(label->text());
    }
    for (const QString &text : std::as_const(windowTexts)) {
        const QChar key = accelerator(text);
        QVERIFY2(!key.isNull(), qPrintable(text));
        QVERIFY2(!windowKeys.contains(key),
                 qPrintable(QStringLiteral("%1 and %2 share Alt+%3")
                                    .arg(windowKeys.value(key), text, key)));
        windowKeys.insert(key, text);
    }
    // Within each menu, one item per letter.
    for (QAction *menuAction : window->menuBar()->actions()) {
        QHash<QChar, QString> keys;
        for (QAction *action : menuAction->menu()->actions()) {
            const QChar key = accelerator(action->text());
            if (key.isNull())
                continue;
            QVERIFY2(!keys.contains(key),
                     qPrintable(QStringLiteral("%1: %2 and %3 share %4")
                                        .arg(menuAction->text(), keys.value(key), action->text(),
                                             key)));
            keys.insert(key, action->text());
        }
    }
}

void TestTranslations::queueHeadersSpeakFrench()
{
    ReviewFixture fixture;
    QVERIFY(!m_window.createProject(
            [&fixture](ProjectStore &store) { return makeReviewFixture(store, 3, fixture); }));
    const StoreError error = m_window.openWindow(QSize(1400, 860));
    QVERIFY2(!error, qPrintable(error.message));
    MainWindow *window = m_window.window();
    QStringList headers;
    for (int column = 0; column < window->queueModel()->columnCount(); ++column)
        headers.append(window->queueModel()->headerData(column, Qt::Horizontal).toString());
    QVERIFY2(headers.contains(QStringLiteral("Échantillon")),
             qPrintable(headers.join(QLatin1String(" | "))));
    QVERIFY(headers.contains(QStringLiteral("Confiance")));
    QVERIFY(headers.contains(QStringLiteral("Motif du signalement")));
    QVERIFY(headers.contains(QStringLiteral("Statut")));
}

void TestTranslations::coreMessagesArriveInFrench()
{
    // An image that is not there: the placeholder's reason, from core.
    const QString missing = QDir::temp().filePath(QStringLiteral("boucle-no-such-image.png"));
    const DecodedImage image = SampleImageLoader::load(missing);
    QVERIFY2(image.error.startsWith(QStringLiteral("Impossible d'afficher")),
             qPrintable(image.error));
    QVERIFY2(image.error.contains(QStringLiteral("le fichier n'existe pas")),
             qPrintable(image.error));

    // An import with no project open: the report the user reads after a drop.
    ProjectStore closed;
    LogImporter importer(closed);
    const ImportReport report = importer.import(missing);
    QVERIFY(!report.isSuccess());
    QVERIFY2(report.summary().startsWith(QStringLiteral("Rien n'a été importé de")),
             qPrintable(report.summary()));
    QVERIFY2(report.summary().contains(QStringLiteral("aucun projet n'est ouvert")),
             qPrintable(report.summary()));
}

void TestTranslations::qtDialogsSpeakFrench()
{
    // Qt's own words (dialog buttons, the line edit's menu) come from qtbase_fr.qm, which Debian
    // ships in qt6-translations-l10n.
    const QString qtCatalogue
            = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_fr.qm");
    if (!QFile::exists(qtCatalogue))
        QSKIP("qtbase_fr.qm is not installed (Debian package qt6-translations-l10n)");
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
             QStringLiteral("Annuler"));
}

void TestTranslations::everyEntryIsFinished()
{
    QString error;
    const QList<TsEntry> entries = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(entries.size() > 500, qPrintable(QString::number(entries.size())));
    for (const TsEntry &entry : entries) {
        const QString where = QStringLiteral("boucle_fr.ts:%1 [%2] \"%3\"")
                                      .arg(entry.line)
                                      .arg(entry.context, entry.source);
        QVERIFY2(entry.type.isEmpty(), qPrintable(where + QStringLiteral(" is ") + entry.type));
        QCOMPARE(entry.translations.size(), entry.numerus ? 2 : 1); // French: singular, plural
        for (const QString &text : entry.translations)
            QVERIFY2(!text.trimmed().isEmpty(), qPrintable(where + QStringLiteral(" is empty")));
    }
}

void TestTranslations::placeholdersAreKept()
{
    QString error;
    const QList<TsEntry> entries = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const TsEntry &entry : entries) {
        const QSet<QString> expected = placeholders(entry.source);
        for (const QString &text : entry.translations) {
            QVERIFY2(placeholders(text) == expected,
                     qPrintable(QStringLiteral("[%1] \"%2\" -> \"%3\"")
                                        .arg(entry.context, entry.source, text)));
            QCOMPARE(accelerator(text).isNull(), accelerator(entry.source).isNull());
        }
    }
}

void TestTranslations::frenchTypography()
{
    // A plain space before : ; ? ! or inside « » breaks lines in the wrong place in French.
    QString error;
    const QList<TsEntry> entries = readTs(tsPath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    static const QRegularExpression plainSpace(QStringLiteral("( [:;?!»]|« )"));
    for (const TsEntry &entry : entries) {
        for (const QString &text : entry.translations) {
            QVERIFY2(!plainSpace.match(text).hasMatch(),
                     qPrintable(QStringLiteral("[%1] \"%2\"").arg(entry.context, text)));
            QVERIFY2(!text.contains(QLatin1Char('\'') + QStringLiteral("%1") + QLatin1Char('\'')),
                     qPrintable(QStringLiteral("English quotes in \"%1\"").arg(text)));
        }
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
