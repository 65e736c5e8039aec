#ifndef WINNOW_CLIBXML2_SHIM_H
#define WINNOW_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so libxml/encoding.h would include the system's
   <unicode/ucnv.h>; in a Swift module that also sees Foundation, whose bundled ICU declares the
   same types differently, that is a build error. Winnow never uses libxml2's ICU converters
   (it transcodes before parsing and always hands libxml2 UTF-8), so the headers are read
   without them. The only declaration this changes is the layout of xmlCharEncodingHandler,
   which Winnow never touches. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/* Swift 6 cannot call xmlFree: libxml2 declares it as a global function-pointer variable. */
static inline void winnow_xml_free(void *p) { xmlFree(p); }

/* Swift cannot define a C variadic function, which xmlSetGenericErrorFunc wants. */
static void winnow_ignore_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/* libxml2's error handlers are per thread: call before each parse on the thread that parses. */
static inline void winnow_silence_libxml2_errors(void) {
    xmlSetGenericErrorFunc(NULL, winnow_ignore_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* The parser's version string is a macro-backed global; expose it as a function. */
static inline const char *winnow_libxml2_version(void) { return xmlParserVersion; }

#endif
