#ifndef WINNOW_CZLIB_SHIM_H
#define WINNOW_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)); Swift cannot import it. */
static inline int winnow_inflate_init_gzip(z_stream *stream) {
    /* 15 window bits + 16: expect a gzip header and trailer. */
    return inflateInit2(stream, 15 + 16);
}

#endif
