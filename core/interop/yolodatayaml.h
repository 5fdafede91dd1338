// YoloDataYaml: the few keys of an Ultralytics data.yaml that say what a YOLO dataset holds
// (names, nc, path, train, val, test), read without a YAML library. Only the forms Ultralytics
// and the tools around it write are understood: a flow list (names: [a, 'b', "c"]), a block
// list (- a), a block or flow mapping of class indices (0: person), plain, single- and
// double-quoted scalars and # comments. Every other top-level key and its indented block is
// skipped. A malformed value of one of these keys is a problem with its line. Pure; any thread.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Boucle {

struct YoloDataYaml
{
    struct Problem
    {
        qint64 line = 0; // 1-based
        QString field;   // "names", "names[3]", "nc"
        QString message;
    };

    // Class names by index; empty when the file has no names key.
    QMap<int, QString> names;
    qint64 namesLine = 0;
    std::optional<int> nc;
    qint64 ncLine = 0;
    QString path;      // empty when absent
    QStringList train; // a folder, or several in a list
    QStringList val;
    QStringList test;
    QList<Problem> problems;

    static YoloDataYaml parse(const QByteArray &text);
};

} // namespace Boucle
