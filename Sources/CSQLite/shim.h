#ifndef SOCIAALHUS_CSQLITE_SHIM_H
#define SOCIAALHUS_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import: the text or
 * blob bound is copied by SQLite before the call returns. */
static inline sqlite3_destructor_type cs_transient(void) { return SQLITE_TRANSIENT; }
#endif
