#ifndef WINNOW_CCRYPTO_SHIM_H
#define WINNOW_CCRYPTO_SHIM_H

#include <stddef.h>
#include <openssl/evp.h>

/* SHA-256 of a buffer in one call (OpenSSL picks the CPU's SHA extensions when present).
   EVP_sha256() returns a pointer to a static method table, so no state escapes this call.
   Returns 1 on success. */
static inline int winnow_sha256(const void *data, size_t length, unsigned char digest[32]) {
    unsigned int size = 0;
    return EVP_Digest(data, length, digest, &size, EVP_sha256(), NULL) == 1 && size == 32;
}

#endif
