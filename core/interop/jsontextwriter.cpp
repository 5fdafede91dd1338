#include "jsontextwriter.h"

#include "exactnumber.h"
#include "jsontext.h"

namespace Boucle {

void JsonTextWriter::newline(int depth)
{
    m_text += '\n';
    m_text += QByteArray(depth * 2, ' ');
}

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Level &level = m_levels.last();
    if (!level.empty)
        m_text += level.inlined ? ", " : ",";
    if (!level.inlined)
        newline(int(m_levels.size()));
    level.empty = false;
}

void JsonTextWriter::beginObject()
{
    beforeValue();
    m_text += '{';
    m_levels.append({true, false, true});
}

void JsonTextWriter::endObject()
{
    const Level level = m_levels.takeLast();
    if (!level.empty)
        newline(int(m_levels.size()));
    m_text += '}';
    if (m_levels.isEmpty())
        m_text += '\n';
}

void JsonTextWriter::beginArray(bool inlined)
{
    beforeValue();
    m_text += '[';
    const bool parentInlined = !m_levels.isEmpty() && m_levels.last().inlined;
    m_levels.append({false, inlined || parentInlined, true});
}

void JsonTextWriter::endArray()
{
    const Level level = m_levels.takeLast();
    if (!level.empty && !level.inlined)
        newline(int(m_levels.size()));
    m_text += ']';
    if (m_levels.isEmpty())
        m_text += '\n';
}

void JsonTextWriter::key(const QString &name)
{
    beforeValue();
    m_text += quoted(name);
    m_text += ": ";
    m_afterKey = true;
}

void JsonTextWriter::value(const QString &text)
{
    beforeValue();
    m_text += quoted(text);
}

void JsonTextWriter::value(double number)
{
    beforeValue();
    m_text += ExactNumber::toText(number);
}

void JsonTextWriter::value(bool flag)
{
    beforeValue();
    m_text += flag ? "true" : "false";
}

void JsonTextWriter::null()
{
    beforeValue();
    m_text += "null";
}

QByteArray JsonTextWriter::quoted(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    JsonText::appendString(out, text);
    return out;
}

} // namespace Boucle
