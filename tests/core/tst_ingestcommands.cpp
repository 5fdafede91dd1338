// The ingest sub-commands as a script runs them: boucle import, flag, batches, batch.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_IngestCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    Run boucle(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(BOUCLE_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    void write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(boucle({QStringLiteral("init"), QStringLiteral("p.boucle")}).code, 0);
        QByteArray log = "{\"classes\": [\"cat\", \"dog\"]}\n";
        for (int i = 0; i < 12; ++i) {
            write(QStringLiteral("s%1.png").arg(i), "not really a png");
            log += "{\"sample\": \"s" + QByteArray::number(i)
                   + ".png\", \"model\": \"net@1\", \"probs\": ["
                   + QByteArray::number(0.3 + 0.05 * i) + ", " + QByteArray::number(0.7 - 0.05 * i)
                   + "]}\n";
        }
        write(QStringLiteral("good.jsonl"), log);
        write(QStringLiteral("bad.jsonl"),
              log + "{\"sample\": \"x.png\", \"model\": \"net@1\", \"probs\": [0.2]}\n");
        write(QStringLiteral("prod.jsonl"),
              "{\"sample\": \"s3.png\", \"model\": \"net@1\", \"label\": \"dog\", \"confidence\": "
              "0.55,"
              " \"flags\": [{\"trigger\": \"night\", \"detail\": \"taken at 3am\"}]}\n"
              "{\"sample\": \"s1.png\", \"model\": \"net@1\", \"label\": \"dog\", \"confidence\": "
              "0.65}\n");
        write(QStringLiteral("policy.json"),
              R"({"control_share": 0, "triggers": {"margin": {"threshold": 0.25}, "entropy": {"enabled": false}}})");
    }

    void importRefusesABadLogAndStoresNothing()
    {
        const auto run = boucle({QStringLiteral("import"), QStringLiteral("p.boucle"),
                                 QStringLiteral("bad.jsonl")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral(
                         "bad.jsonl:14: field 'probs': 1 probabilities for 2 classes")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("Nothing was imported")));
    }

    void importsAndReimports()
    {
        auto run = boucle({QStringLiteral("import"), QStringLiteral("p.boucle"),
                           QStringLiteral("good.jsonl")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("12 prediction(s) added")), qPrintable(run.out));
        run = boucle({QStringLiteral("import"), QStringLiteral("p.boucle"),
                      QStringLiteral("good.jsonl")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("0 prediction(s) added; 12 already present")),
                 qPrintable(run.out));
    }

    void skipInvalidWritesAReport()
    {
        const auto run = boucle({QStringLiteral("import"), QStringLiteral("p.boucle"),
                                 QStringLiteral("bad.jsonl"), QStringLiteral("--skip-invalid"),
                                 QStringLiteral("--report"), QStringLiteral("skipped.txt")});
        QCOMPARE(run.code, 0);
        QFile report(m_dir.filePath(QStringLiteral("skipped.txt")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.readAll().startsWith("bad.jsonl:14: field 'probs'"));
    }

    void flagsAndListsBatches()
    {
        auto run = boucle({QStringLiteral("flag"), QStringLiteral("p.boucle"),
                           QStringLiteral("--policy"), QStringLiteral("policy.json"),
                           QStringLiteral("--size"), QStringLiteral("3"), QStringLiteral("--name"),
                           QStringLiteral("first")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QStringLiteral("batch first: 3 items")), qPrintable(run.out));

        run = boucle({QStringLiteral("batch"), QStringLiteral("p.boucle"), QStringLiteral("first"),
                      QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.code, 0);
        const auto json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const auto items = json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        // Sample i has p(cat) = 0.3 + 0.05 i: s4 is a dead heat and comes first.
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("sample")).toString(),
                 QStringLiteral("s4.png"));
        const auto reasons = items.at(0).toObject().value(QStringLiteral("reasons")).toArray();
        QStringList sentences;
        for (const auto &reason : reasons)
            sentences.append(reason.toObject().value(QStringLiteral("reason")).toString());
        QVERIFY2(sentences.join(u'|').contains(QStringLiteral("margin 0.00")),
                 qPrintable(sentences.join(u'|')));
        QCOMPARE(json.value(QStringLiteral("policy"))
                         .toObject()
                         .value(QStringLiteral("batch_size"))
                         .toInt(),
                 3);

        run = boucle(
                {QStringLiteral("batch"), QStringLiteral("p.boucle"), QStringLiteral("first")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QStringLiteral("   1. s4.png")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("margin: margin 0.00")));

        run = boucle({QStringLiteral("batch"), QStringLiteral("p.boucle"), QStringLiteral("nope")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("no batch named 'nope'")));
    }

    void loadsABatchMadeElsewhere()
    {
        auto run = boucle({QStringLiteral("import"), QStringLiteral("p.boucle"),
                           QStringLiteral("prod.jsonl"), QStringLiteral("--batch"),
                           QStringLiteral("from-prod")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = boucle(
                {QStringLiteral("batch"), QStringLiteral("p.boucle"), QStringLiteral("from-prod")});
        QCOMPARE(run.code, 0);
        const QStringList lines = run.out.split(u'\n');
        QVERIFY2(lines.value(1).contains(QStringLiteral("1. s3.png")), qPrintable(run.out));
        QCOMPARE(lines.value(2).trimmed(), QStringLiteral("upstream: night: taken at 3am"));
        QVERIFY(lines.value(3).contains(QStringLiteral("2. s1.png")));

        run = boucle({QStringLiteral("batches"), QStringLiteral("p.boucle")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("first")));
        QVERIFY(run.out.contains(QStringLiteral("from-prod")));
        QVERIFY(run.out.contains(QStringLiteral("upstream")));
    }

    void hugeEmbeddingsNeitherImportNorAbortFlag()
    {
        // 1e39 became infinity as a float and `flag` died in k-means (exit 134): it is refused
        // at import, by file, line and field.
        QCOMPARE(boucle({QStringLiteral("init"), QStringLiteral("h.boucle")}).code, 0);
        QByteArray log;
        for (int i = 0; i < 40; ++i) {
            write(QStringLiteral("e%1.png").arg(i), "an image " + QByteArray::number(i));
            const QByteArray value = i == 39 ? QByteArray("3.4e38") : QByteArray::number(i % 4);
            log += "{\"sample\": \"e" + QByteArray::number(i) + ".png\", \"model\": \"emb@1"
                   + "\", \"label\": \"cat\", \"confidence\": 0.9, \"embedding\": [" + value + ", "
                   + QByteArray::number(i % 3) + ", -" + value + "]}\n";
        }
        write(QStringLiteral("embeddings.jsonl"), log);
        write(QStringLiteral("overflow.jsonl"),
              "{\"sample\": \"s1.png\", \"model\": \"emb@1\", \"label\": \"cat\", "
              "\"confidence\": 0.9, \"embedding\": [1, 2, 3, 1e39]}\n");
        auto run = boucle({QStringLiteral("import"), QStringLiteral("h.boucle"),
                           QStringLiteral("overflow.jsonl")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("overflow.jsonl:1: field 'embedding[3]': 1e39 "
                                                 "does not fit a 32-bit float")),
                 qPrintable(run.err));
        // 3.4e38 fits a float, but squared distances do not: flag still ends normally.
        run = boucle({QStringLiteral("import"), QStringLiteral("h.boucle"),
                      QStringLiteral("embeddings.jsonl")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        // With 40 embeddings, the 97.5th percentile leaves exactly the farthest one.
        write(QStringLiteral("outlier.json"),
              R"({"control_share": 0, "triggers": {"outlier": {"percentile": 97.5}}})");
        run = boucle({QStringLiteral("flag"), QStringLiteral("h.boucle"),
                      QStringLiteral("--policy"), QStringLiteral("outlier.json"),
                      QStringLiteral("--size"), QStringLiteral("5"), QStringLiteral("--name"),
                      QStringLiteral("far")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        // ... and finds the far point (squared distances overflowed: nothing fired).
        QVERIFY2(run.out.contains(QStringLiteral("outlier: 1 fired")), qPrintable(run.out));
    }

    // A copy of the project whose reviews cannot be read: flag says so and exits non-zero
    // instead of building a batch that would offer reviewed samples again.
    void flagStopsWhenWhatToLeaveOutCannotBeRead()
    {
        const QString copy = m_dir.filePath(QStringLiteral("unreadable.boucle"));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("p.boucle")), copy));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                QStringLiteral("unreadable"));
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery sql(db);
            QVERIFY2(sql.exec(QStringLiteral("ALTER TABLE reviews RENAME TO reviews_elsewhere")),
                     qPrintable(sql.lastError().text()));
            sql.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("unreadable"));

        const auto run = boucle({QStringLiteral("flag"), QStringLiteral("unreadable.boucle"),
                                 QStringLiteral("--policy"), QStringLiteral("policy.json"),
                                 QStringLiteral("--size"), QStringLiteral("3"),
                                 QStringLiteral("--name"), QStringLiteral("late")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Reading the reviewed predictions of "))
                         && run.err.contains(QStringLiteral("unreadable.boucle"))
                         && run.err.contains(QStringLiteral("no such table: reviews")),
                 qPrintable(run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));

        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(copy);
        QVERIFY(db.open());
        {
            QSqlQuery sql(db);
            QVERIFY(sql.exec(QStringLiteral("SELECT count(*) FROM batches WHERE name = 'late'")));
            QVERIFY(sql.next());
            QCOMPARE(sql.value(0).toInt(), 0);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void usageErrors()
    {
        QCOMPARE(boucle({QStringLiteral("flag"), QStringLiteral("p.boucle"),
                         QStringLiteral("--size"), QStringLiteral("x"), QStringLiteral("--name"),
                         QStringLiteral("n")})
                         .code,
                 2);
        QCOMPARE(boucle({QStringLiteral("import"), QStringLiteral("p.boucle")}).code, 2);
        const auto run = boucle({QStringLiteral("flag"), QStringLiteral("p.boucle"),
                                 QStringLiteral("--policy"), QStringLiteral("missing.json"),
                                 QStringLiteral("--name"), QStringLiteral("n")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(QStringLiteral("missing.json: cannot read the policy")));
    }
};

QTEST_GUILESS_MAIN(tst_IngestCommands)
#include "tst_ingestcommands.moc"
