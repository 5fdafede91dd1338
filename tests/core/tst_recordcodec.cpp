// Times are stored as text: timeToText writes exactly what Qt's ISO format with milliseconds
// writes for the same instant in UTC, for every day of the supported years, before 1970 too,
// whatever the time zone the QDateTime was made in.
#include "store/recordcodec.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Boucle;
using namespace Boucle::RecordCodec;

class TestRecordCodec : public QObject
{
    Q_OBJECT

private slots:
    void writesTimesAsQtDoes_data()
    {
        QTest::addColumn<QDateTime>("time");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0);
        QTest::newRow("a millisecond before the epoch") << utc(1969, 12, 31, 23, 59, 59, 999);
        QTest::newRow("leap day") << utc(2024, 2, 29, 12, 30, 0, 5);
        QTest::newRow("century not a leap year") << utc(1900, 3, 1, 0, 0, 0, 0);
        QTest::newRow("400th year") << utc(2000, 2, 29, 23, 59, 59, 999);
        QTest::newRow("first day of year 1") << utc(1, 1, 1, 0, 0, 0, 0);
        QTest::newRow("last millisecond of 9999") << utc(9999, 12, 31, 23, 59, 59, 999);
        QTest::newRow("after 9999 (Qt's own text)") << utc(10000, 1, 1, 0, 0, 0, 0);
        QTest::newRow("before year 1 (Qt's own text)") << utc(-1, 12, 31, 0, 0, 0, 0);
        QTest::newRow("made at +05:30")
                << QDateTime(QDate(2024, 5, 1), QTime(3, 0, 0, 250), QTimeZone(5 * 3600 + 1800));
        QTest::newRow("made in local time") << QDateTime(QDate(2023, 10, 29), QTime(2, 30));
    }

    void writesTimesAsQtDoes()
    {
        QFETCH(QDateTime, time);
        QCOMPARE(timeToText(time), time.toUTC().toString(Qt::ISODateWithMs));
        if (time.date().year() >= 1 && time.date().year() <= 9999)
            QCOMPARE(timeFromText(timeToText(time)), time);
    }

    void randomInstantsOverTenThousandYears()
    {
        QRandomGenerator random(15);
        const qint64 first = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 last = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                                    .toMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const qint64 msecs = first + qint64(random.bounded(double(last - first)));
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
            QCOMPARE(timeToText(time), time.toString(Qt::ISODateWithMs));
        }
    }

    void anInvalidTimeIsNoText() { QVERIFY(timeToText(QDateTime()).isNull()); }
};

QTEST_GUILESS_MAIN(TestRecordCodec)
#include "tst_recordcodec.moc"
