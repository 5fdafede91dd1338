#include "chunkpathindex.h"

#include <algorithm>

namespace Boucle {

int ChunkPathIndex::findOrAdd(quint64 hash, const QString &path, bool *added)
{
    if (m_slots.size() < 2 * (m_paths.size() + 1))
        grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = std::size_t(hash) & mask;
    while (m_slots[at].number >= 0) {
        const Slot &slot = m_slots[at];
        if (slot.hash == hash && *m_paths[std::size_t(slot.number)] == path) {
            *added = false;
            return slot.number;
        }
        at = (at + 1) & mask;
    }
    const int number = int(m_paths.size());
    m_slots[at] = {hash, number};
    m_used.push_back(at);
    m_paths.push_back(&path);
    *added = true;
    return number;
}

void ChunkPathIndex::clear()
{
    for (const std::size_t at : m_used)
        m_slots[at].number = -1;
    m_used.clear();
    m_paths.clear();
}

void ChunkPathIndex::grow()
{
    std::vector<Slot> grown(std::max<std::size_t>(2048, m_slots.size() * 2));
    const std::size_t mask = grown.size() - 1;
    m_used.clear();
    for (const Slot &slot : m_slots) {
        if (slot.number < 0)
            continue;
        std::size_t at = std::size_t(slot.hash) & mask;
        while (grown[at].number >= 0)
            at = (at + 1) & mask;
        grown[at] = slot;
        m_used.push_back(at);
    }
    m_slots = std::move(grown);
}

} // namespace Boucle
