// ImageFolder out: class folders of links (clashing names, awkward class names) or a CSV of
// path,label, only labelled images, the same output whatever the set's order.
#include "interop/annotationwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

namespace {

AnnotatedImage labelled(const char *path, const char *label)
{
    AnnotatedImage image;
    image.path = QString::fromUtf8(path);
    image.label = QString::fromUtf8(label);
    return image;
}

// Links under `dir` with their targets relative to `data`.
QMap<QString, QString> links(const QString &dir, const QString &data)
{
    QMap<QString, QString> found;
    QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        found.insert(QDir(dir).relativeFilePath(path),
                     info.isSymLink() ? QDir(data).relativeFilePath(info.symLinkTarget())
                                      : QStringLiteral("(not a link)"));
    }
    return found;
}

} // namespace

class TestImageFolderFormat : public QObject
{
    Q_OBJECT

private slots:
    void classFoldersOfLinks();
    void csvOfPathAndLabel();
};

void TestImageFolderFormat::classFoldersOfLinks()
{
    QTemporaryDir data;
    AnnotationSet set;
    set.images = {labelled("b/x.jpg", "cat"), labelled("a/x.jpg", "cat"),
                  labelled("c/x.jpg", "cat"), labelled("unlabelled.jpg", ""),
                  labelled("d/y.png", "a/b"), labelled("e/z.png", ".."),
                  labelled("f/w", ".hidden%")};
    AnnotationWriteOptions options;
    options.imagesFolder = data.path();
    QTemporaryDir out;
    const QString output = out.filePath(QStringLiteral("tree"));
    const AnnotationWriteResult written = AnnotationWriters::writeImageFolder(set, output, options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QCOMPARE(written.images, 6);
    const QMap<QString, QString> expected = {
            {QStringLiteral("cat/x.jpg"), QStringLiteral("a/x.jpg")},
            {QStringLiteral("cat/x (2).jpg"), QStringLiteral("b/x.jpg")},
            {QStringLiteral("cat/x (3).jpg"), QStringLiteral("c/x.jpg")},
            {QStringLiteral("a%2Fb/y.png"), QStringLiteral("d/y.png")},
            {QStringLiteral("%2E./z.png"), QStringLiteral("e/z.png")},
            {QStringLiteral("%2Ehidden%25/w"), QStringLiteral("f/w")},
    };
    QCOMPARE(links(output, data.path()), expected);

    // The set's order does not change which file keeps its name.
    std::reverse(set.images.begin(), set.images.end());
    const AnnotationWriteResult again = AnnotationWriters::writeImageFolder(set, output, options);
    QVERIFY2(again.isSuccess(), qPrintable(again.error));
    QCOMPARE(links(output, data.path()), expected);
}

void TestImageFolderFormat::csvOfPathAndLabel()
{
    AnnotationSet set;
    set.images = {labelled("a.jpg", "cat"), labelled("none.jpg", ""),
                  labelled("b, \"quoted\".jpg", "two\nlines")};
    AnnotationWriteOptions options;
    options.imageFolderAsCsv = true;
    QTemporaryDir out;
    const QString output = out.filePath(QStringLiteral("labels.csv"));
    const AnnotationWriteResult written = AnnotationWriters::writeImageFolder(set, output, options);
    QVERIFY2(written.isSuccess(), qPrintable(written.error));
    QCOMPARE(written.images, 2);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes,
             QByteArray("path,label\r\na.jpg,cat\r\n\"b, \"\"quoted\"\".jpg\",\"two\nlines\"\r\n"));
    file.close();
    QVERIFY(AnnotationWriters::writeImageFolder(set, output, options).isSuccess());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
}

QTEST_GUILESS_MAIN(TestImageFolderFormat)
#include "tst_imagefolderformat.moc"
