// JsonTextWriter: JSON text written in a fixed key order with every number in its shortest exact
// form (ExactNumber), so the format writers (Label Studio, labelme) give the same bytes for the
// same set. Indented two spaces like the tools' own files; short arrays (a point) can stay on
// one line. One object per document; any thread.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace Boucle {

class JsonTextWriter
{
public:
    void beginObject();
    void endObject();
    // `inlined`: the elements stay on one line ("[12, 3.5]").
    void beginArray(bool inlined = false);
    void endArray();
    // The key of the next value, inside an object.
    void key(const QString &name);
    void value(const QString &text);
    void value(double number);
    void value(bool flag);
    void null();

    // The text so far, ending with a newline once the outermost value is closed.
    QByteArray text() const { return m_text; }

    static QByteArray quoted(const QString &text);

private:
    void beforeValue();
    void newline(int depth);

    struct Level
    {
        bool isObject = false;
        bool inlined = false;
        bool empty = true;
    };
    QVector<Level> m_levels;
    bool m_afterKey = false;
    QByteArray m_text;
};

} // namespace Boucle
