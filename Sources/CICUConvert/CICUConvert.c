#include "CICUConvert.h"
#include <unicode/ucnv.h>

int32_t winnow_icu_to_utf8(const char *icu_name, const char *source, int32_t length,
                           char *target, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(icu_name, &err);
    if (U_FAILURE(err) || cnv == NULL) { *status = -1; return 0; }
    err = U_ZERO_ERROR;
    int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, target, capacity, source, length, &err);
    ucnv_close(cnv);
    if (err == U_BUFFER_OVERFLOW_ERROR) *status = 1;
    else if (U_FAILURE(err)) *status = -1;
    else *status = 0;
    return n;
}

int32_t winnow_icu_from_utf8(const char *icu_name, const char *source, int32_t length,
                             char *target, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(icu_name, &err);
    if (U_FAILURE(err) || cnv == NULL) { *status = -1; return 0; }
    err = U_ZERO_ERROR;
    int32_t n = ucnv_fromAlgorithmic(cnv, UCNV_UTF8, target, capacity, source, length, &err);
    ucnv_close(cnv);
    if (err == U_BUFFER_OVERFLOW_ERROR) *status = 1;
    else if (U_FAILURE(err)) *status = -1;
    else *status = 0;
    return n;
}

int winnow_icu_has_converter(const char *icu_name) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(icu_name, &err);
    if (cnv) ucnv_close(cnv);
    return U_SUCCESS(err) && cnv != NULL;
}
