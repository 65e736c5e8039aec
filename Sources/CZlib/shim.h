#ifndef WINNOW_CZLIB_SHIM_H
#define WINNOW_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)); Swift cannot import it. */
static inline int winnow_inflate_init_gzip(z_stream *stream) {
    /* 15 window bits + 16: expect a gzip header and trailer. */
    return inflateInit2(stream, 15 + 16);
}

/* HTTP's "deflate": the zlib format (RFC 1950), or, as some servers send it, raw deflate. */
static inline int winnow_inflate_init_zlib(z_stream *stream) {
    return inflateInit2(stream, 15);
}

static inline int winnow_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}

/* A gzip writer (RFC 1952 framing). */
static inline int winnow_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
