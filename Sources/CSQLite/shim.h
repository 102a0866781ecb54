#ifndef SOCIAALHUS_CSQLITE_SHIM_H
#define SOCIAALHUS_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import: the text or
 * blob bound is copied by SQLite before the call returns. */
static inline sqlite3_destructor_type cs_transient(void) { return SQLITE_TRANSIENT; }

/* sqlite3_db_config is variadic, which Swift cannot call: closing the last connection then leaves
 * the write-ahead log as it is instead of copying it into the database file. */
static inline int cs_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
#endif
