#ifndef WINNOW_LIBXML2_ARENA_H
#define WINNOW_LIBXML2_ARENA_H

#include <stddef.h>

/* A per-document arena for libxml2 (`winnow clean` uses it unless `--no-arena`, see
 * docs/benchmarks.md). While a thread parses, every libxml2 allocation on it is a bump of a
 * pointer in the document's arena, and frees of arena memory do nothing; the arena is given
 * back whole once the document is freed, and the tree with it (no xmlFreeDoc). Memory libxml2 allocates outside a parse comes from malloc, behind
 * the same 16-byte header, so that one free function tells the two apart. */

/* Installs the allocator (xmlMemSetup). Must run before any other libxml2 call in the
 * process; returns 0 on success. */
int winnow_arena_install(void);

/* Whether the allocator is installed. */
int winnow_arena_installed(void);

/* A new arena, current on this thread until winnow_arena_end. */
void *winnow_arena_begin(void);

/* Parsing is over: this thread allocates from the heap again. Clears libxml2's last error,
 * whose strings live in the arena. */
void winnow_arena_end(void *arena);

/* The arena is current on this thread again until winnow_arena_end: for a change to a parsed
 * tree, so that what the change allocates belongs to the document's arena too. */
void winnow_arena_resume(void *arena);

/* The document is freed: the arena's memory goes back (to this thread's cache of chunks,
 * or to the heap). */
void winnow_arena_release(void *arena);

/* Bytes handed out by the arena (for tests and benchmarks). */
size_t winnow_arena_bytes(const void *arena);

#endif
