#ifndef WINNOW_CICUCONVERT_H
#define WINNOW_CICUCONVERT_H

#include <stdint.h>

/* A plain-C facade over ICU's converters. ICU's own headers stay in the .c file: included
   from Swift they clash with the ICU copy that Foundation bundles. */

/* Converts `length` bytes in the charset `icu_name` to UTF-8, writing at most `capacity` bytes.
   Invalid input becomes U+FFFD (ICU's default substitution). Returns the bytes written;
   *status receives 0 on success, 1 when the target was too small, -1 on any other failure. */
int32_t winnow_icu_to_utf8(const char *icu_name, const char *source, int32_t length,
                           char *target, int32_t capacity, int32_t *status);

/* Converts UTF-8 to the charset `icu_name` (used by tests to make pages in legacy charsets).
   Same return and status convention as winnow_icu_to_utf8. */
int32_t winnow_icu_from_utf8(const char *icu_name, const char *source, int32_t length,
                             char *target, int32_t capacity, int32_t *status);

/* 1 when ICU has a converter for this name. */
int winnow_icu_has_converter(const char *icu_name);

#endif
