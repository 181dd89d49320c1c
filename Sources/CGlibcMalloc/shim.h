// glibc's malloc tuning (mallopt), which Swift's Glibc module leaves out; nothing on other systems.
#if defined(__linux__)
#include <malloc.h>
#endif
