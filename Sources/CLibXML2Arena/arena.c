#include "CLibXML2Arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>

/* Every block libxml2 receives sits behind this header: its size, and where it came from. */
typedef struct {
    uint64_t size;
    uint64_t origin;
} Header;

enum { HEADER = sizeof(Header), ALIGN = 16, CHUNK = 1 << 20, CACHED_CHUNKS = 8 };
#define FROM_ARENA 0x41524e41574e4e57ull /* "WNNWANRA" */
#define FROM_HEAP 0x50414548574e4e57ull  /* "WNNWHEAP" */

typedef struct Chunk {
    struct Chunk *next;
    size_t capacity;
    size_t used;
    /* blocks follow, 16-byte aligned */
} Chunk;

typedef struct {
    Chunk *chunks;
    size_t bytes;
} Arena;

static _Thread_local Arena *current;
static _Thread_local Chunk *cache;
static _Thread_local int cached;
static int installed;

static size_t chunk_header(void) { return (sizeof(Chunk) + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

static void *arena_allocate(Arena *arena, size_t size) {
    size_t needed = (size + HEADER + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    Chunk *chunk = arena->chunks;
    if (!chunk || chunk->used + needed > chunk->capacity) {
        if (needed <= CHUNK && cache) {
            chunk = cache;
            cache = chunk->next;
            cached--;
        } else {
            size_t capacity = needed > CHUNK ? needed : CHUNK;
            chunk = malloc(chunk_header() + capacity);
            if (!chunk) return NULL;
            chunk->capacity = capacity;
        }
        chunk->used = 0;
        chunk->next = arena->chunks;
        arena->chunks = chunk;
    }
    char *block = (char *)chunk + chunk_header() + chunk->used;
    chunk->used += needed;
    arena->bytes += needed;
    Header *header = (Header *)block;
    header->size = size;
    header->origin = FROM_ARENA;
    return block + HEADER;
}

static void *heap_allocate(size_t size) {
    Header *header = malloc(size + HEADER);
    if (!header) return NULL;
    header->size = size;
    header->origin = FROM_HEAP;
    return (char *)header + HEADER;
}

static void *winnow_malloc(size_t size) {
    return current ? arena_allocate(current, size) : heap_allocate(size);
}

static void winnow_free(void *pointer) {
    if (!pointer) return;
    Header *header = (Header *)((char *)pointer - HEADER);
    if (header->origin == FROM_ARENA) return; /* given back with its arena */
    free(header);
}

static void *winnow_realloc(void *pointer, size_t size) {
    if (!pointer) return winnow_malloc(size);
    Header *header = (Header *)((char *)pointer - HEADER);
    if (header->origin == FROM_HEAP) {
        Header *grown = realloc(header, size + HEADER);
        if (!grown) return NULL;
        grown->size = size;
        return (char *)grown + HEADER;
    }
    if (size <= header->size) return pointer;
    /* Arena memory grows by a copy: into the arena while parsing, else into the heap. */
    void *copy = winnow_malloc(size);
    if (!copy) return NULL;
    memcpy(copy, pointer, header->size);
    return copy;
}

static char *winnow_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = winnow_malloc(length);
    if (copy) memcpy(copy, text, length);
    return copy;
}

int winnow_arena_install(void) {
    if (installed) return 0;
    if (xmlMemSetup(winnow_free, winnow_malloc, winnow_realloc, winnow_strdup) != 0) return -1;
    installed = 1;
    return 0;
}

int winnow_arena_installed(void) { return installed; }

void *winnow_arena_begin(void) {
    Arena *arena = calloc(1, sizeof(Arena));
    current = arena;
    return arena;
}

void winnow_arena_resume(void *arena) { current = arena; }

void winnow_arena_end(void *arena) {
    (void)arena;
    xmlResetLastError();
    current = NULL;
}

void winnow_arena_release(void *opaque) {
    Arena *arena = opaque;
    if (!arena) return;
    if (current == arena) current = NULL;
    Chunk *chunk = arena->chunks;
    while (chunk) {
        Chunk *next = chunk->next;
        if (chunk->capacity == CHUNK && cached < CACHED_CHUNKS) {
            chunk->next = cache;
            cache = chunk;
            cached++;
        } else {
            free(chunk);
        }
        chunk = next;
    }
    free(arena);
}

size_t winnow_arena_bytes(const void *arena) { return arena ? ((const Arena *)arena)->bytes : 0; }
