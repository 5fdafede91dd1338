// The key that chooses each class: its own digit when every class is named by one digit (so "2"
// chooses class "2" and "0" has a key), else 1–9 then 0 by position.
#include "classkeys.h"

#include <QTest>

using namespace Boucle;

class TestClassKeys : public QObject
{
    Q_OBJECT

private slots:
    void digitsChooseTheirOwnName()
    {
        const QStringList digits {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
                                  QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5"),
                                  QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                                  QStringLiteral("9")};
        const QList<int> keys = ClassKeys::keysFor(digits);
        QCOMPARE(keys.size(), 10);
        QCOMPARE(keys.at(2), int(Qt::Key_2)); // not the position's key, Key_3
        QCOMPARE(keys.at(0), int(Qt::Key_0));
        QCOMPARE(keys.at(9), int(Qt::Key_9));
        // In any order the name wins.
        QCOMPARE(ClassKeys::keysFor({QStringLiteral("7"), QStringLiteral("3")}),
                 (QList<int> {Qt::Key_7, Qt::Key_3}));
    }

    void namesTakePositions()
    {
        QStringList names;
        for (int i = 0; i < 12; ++i)
            names.append(QStringLiteral("class%1").arg(i));
        const QList<int> keys = ClassKeys::keysFor(names);
        QCOMPARE(keys.at(0), int(Qt::Key_1));
        QCOMPARE(keys.at(8), int(Qt::Key_9));
        QCOMPARE(keys.at(9), int(Qt::Key_0)); // the tenth class has a key too
        QCOMPARE(keys.at(10), 0);
        QCOMPARE(keys.at(11), 0);
    }

    void digitsMixedWithNamesTakePositions()
    {
        // One class that is not a digit, or a repeated digit: keys are positions again.
        QCOMPARE(ClassKeys::keysFor({QStringLiteral("2"), QStringLiteral("cat")}),
                 (QList<int> {Qt::Key_1, Qt::Key_2}));
        QCOMPARE(ClassKeys::keysFor({QStringLiteral("12"), QStringLiteral("3")}),
                 (QList<int> {Qt::Key_1, Qt::Key_2}));
        QVERIFY(ClassKeys::keysFor({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClassKeys)
#include "tst_classkeys.moc"
