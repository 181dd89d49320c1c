// libxml2 for Swift. Its encoding.h pulls in the system ICU headers when LIBXML_ICU_ENABLED, which
// clash with Foundation's own ICU module (UErrorCode defined twice); Swift never touches the ICU
// converter fields, so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
