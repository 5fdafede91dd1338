// ChunkPathIndex: the distinct sample paths of one chunk of an import, numbered in the order
// they first appear. The reading thread hashes each path once (ImportPipeline::Item::pathHash);
// the importer's thread finds a line's path by that hash and compares the text only when the
// hashes match, so it neither hashes a path again nor allocates a node per path. Reused from
// chunk to chunk: clear() forgets the paths and keeps the table.
#pragma once

#include <QString>

#include <vector>

namespace Boucle {

class ChunkPathIndex
{
public:
    // The number of the path, and whether this call added it. `path` must outlive the index's
    // next clear(): the index keeps a pointer to it.
    int findOrAdd(quint64 hash, const QString &path, bool *added);
    void clear();
    int size() const { return int(m_paths.size()); }

private:
    struct Slot
    {
        quint64 hash = 0;
        int number = -1; // -1: empty
    };
    void grow();

    std::vector<Slot> m_slots;            // open addressing, a power of two, at most half full
    std::vector<const QString *> m_paths; // by number
    std::vector<std::size_t> m_used;      // the slots to empty at clear()
};

} // namespace Boucle
