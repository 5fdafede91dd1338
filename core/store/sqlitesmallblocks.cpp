#include "sqlitesmallblocks.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define BOUCLE_POISON(address, size) ASAN_POISON_MEMORY_REGION(address, size)
#define BOUCLE_UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION(address, size)
#else
#define BOUCLE_POISON(address, size) ((void) (address), (void) (size))
#define BOUCLE_UNPOISON(address, size) ((void) (address), (void) (size))
#endif

namespace Boucle::SqliteSmallBlocks {

namespace {

constexpr int sizeCount = maxCachedSize / granularity;
constexpr int largeBlock = -1;

// Before every block's bytes; 16 bytes, so the bytes keep the system allocator's alignment.
struct alignas(16) Header
{
    Header *next;  // in a thread's list of kept blocks
    int usable;    // bytes after the header
    int sizeIndex; // usable / granularity - 1, or largeBlock
};
static_assert(sizeof(Header) == 16);

Header *headerOf(void *block)
{
    return static_cast<Header *>(block) - 1;
}

void *bytesOf(Header *header)
{
    return header + 1;
}

Header *systemBlock(int usable, int sizeIndex)
{
    auto *header = static_cast<Header *>(std::malloc(sizeof(Header) + size_t(usable)));
    if (!header)
        return nullptr;
    header->next = nullptr;
    header->usable = usable;
    header->sizeIndex = sizeIndex;
    return header;
}

// Trivially destructible, so it can be read while the thread's other thread_locals are being
// destroyed: after the lists are gone, freed blocks go straight back to the system.
thread_local bool t_listsGone = false;

struct ThreadBlocks
{
    Header *lists[sizeCount] = {};
    int counts[sizeCount] = {};

    ~ThreadBlocks()
    {
        for (int index = 0; index < sizeCount; ++index) {
            for (Header *header = lists[index]; header;) {
                Header *next = header->next;
                BOUCLE_UNPOISON(bytesOf(header), header->usable);
                std::free(header);
                header = next;
            }
            lists[index] = nullptr;
            counts[index] = 0;
        }
        t_listsGone = true;
    }
};

ThreadBlocks *threadBlocks()
{
    if (t_listsGone)
        return nullptr;
    thread_local ThreadBlocks blocks;
    return &blocks;
}

int sizeIndexOf(int bytes)
{
    return bytes <= granularity ? 0 : (bytes + granularity - 1) / granularity - 1;
}

int xInit(void *)
{
    return SQLITE_OK;
}

void xShutdown(void *) { }

// The functions below have the signatures SQLite asks for.
const sqlite3_mem_methods methods {allocate, release, resize,    sizeOf,
                                   roundUp,  xInit,   xShutdown, nullptr};

} // namespace

int roundUp(int bytes)
{
    if (bytes <= maxCachedSize)
        return (sizeIndexOf(bytes) + 1) * granularity;
    return (bytes + 7) & ~7;
}

void *allocate(int bytes)
{
    if (bytes <= 0)
        return nullptr;
    if (bytes > maxCachedSize) {
        Header *header = systemBlock(roundUp(bytes), largeBlock);
        return header ? bytesOf(header) : nullptr;
    }
    const int index = sizeIndexOf(bytes);
    if (ThreadBlocks *blocks = threadBlocks(); blocks && blocks->lists[index]) {
        Header *header = blocks->lists[index];
        blocks->lists[index] = header->next;
        --blocks->counts[index];
        header->next = nullptr;
        BOUCLE_UNPOISON(bytesOf(header), header->usable);
        return bytesOf(header);
    }
    Header *header = systemBlock((index + 1) * granularity, index);
    return header ? bytesOf(header) : nullptr;
}

void release(void *block)
{
    if (!block)
        return;
    Header *header = headerOf(block);
    const int index = header->sizeIndex;
    ThreadBlocks *blocks = index == largeBlock ? nullptr : threadBlocks();
    if (!blocks || blocks->counts[index] >= blocksPerSize) {
        std::free(header);
        return;
    }
    BOUCLE_POISON(block, header->usable);
    header->next = blocks->lists[index];
    blocks->lists[index] = header;
    ++blocks->counts[index];
}

void *resize(void *block, int bytes)
{
    if (!block)
        return allocate(bytes);
    if (bytes <= 0) {
        release(block);
        return nullptr;
    }
    Header *header = headerOf(block);
    if (bytes <= header->usable && (header->sizeIndex != largeBlock || bytes > maxCachedSize))
        return block; // SQLite reads the usable size through sizeOf
    if (header->sizeIndex == largeBlock && bytes > maxCachedSize) {
        const int usable = roundUp(bytes);
        auto *moved = static_cast<Header *>(std::realloc(header, sizeof(Header) + size_t(usable)));
        if (!moved)
            return nullptr;
        moved->usable = usable;
        return bytesOf(moved);
    }
    void *grown = allocate(bytes);
    if (!grown)
        return nullptr;
    std::memcpy(grown, block, size_t(std::min(bytes, header->usable)));
    release(block);
    return grown;
}

int sizeOf(void *block)
{
    return block ? headerOf(block)->usable : 0;
}

bool install()
{
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK;
}

int keptByThisThread()
{
    const ThreadBlocks *blocks = threadBlocks();
    int kept = 0;
    for (int index = 0; blocks && index < sizeCount; ++index)
        kept += blocks->counts[index];
    return kept;
}

} // namespace Boucle::SqliteSmallBlocks
