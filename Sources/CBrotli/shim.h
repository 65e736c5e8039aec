#ifndef WINNOW_CBROTLI_SHIM_H
#define WINNOW_CBROTLI_SHIM_H

/* The decoder only: Winnow reads Content-Encoding: br payloads from WARC responses. */
#include <brotli/decode.h>

#endif
