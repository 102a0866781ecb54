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

/* sociaalhus_probe(data, probes, phone): 1 when the record's bytes may name a person, as
 * PersonIdentifiers.mayName decides for one text: one of `probes` (4-byte prefixes of the
 * person's name, e-mail and address, lower-cased with | 0x20) occurs with bytes folded the same
 * way, or the record's digits hold the phone's last digits (`phone`, ASCII) one after the other. A text field's bytes lie in the record as they are, so this finds every record whose
 * text the erasure would change, and (run in C over the rows) reads none it would not. */
static void cs_probe(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    const unsigned char *d = (const unsigned char *)sqlite3_value_blob(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    const unsigned char *p = (const unsigned char *)sqlite3_value_blob(argv[1]);
    int pn = sqlite3_value_bytes(argv[1]);
    const unsigned char *ph = sqlite3_value_text(argv[2]);
    int phn = sqlite3_value_bytes(argv[2]);
    (void)argc;
    if (d == 0) { sqlite3_result_int(ctx, 0); return; }
    for (int k = 0; p != 0 && k + 4 <= pn; k += 4) {
        for (int i = 0; i + 4 <= n; i++) {
            if ((d[i] | 0x20) == p[k] && (d[i + 1] | 0x20) == p[k + 1] && (d[i + 2] | 0x20) == p[k + 2] && (d[i + 3] | 0x20) == p[k + 3]) {
                sqlite3_result_int(ctx, 1); return;
            }
        }
    }
    if (ph != 0 && phn > 0 && phn <= 64) {
        /* The record's digits in order, every other byte skipped: the digits of one text field
         * (a phone number written with spaces, dashes or anything else between) stay one after
         * the other there, so this is true wherever the erasure's phone tests are. */
        unsigned char last[64]; int seen = 0;
        for (int i = 0; i < n; i++) {
            unsigned char c = d[i];
            if (c < '0' || c > '9') continue;
            last[seen % phn] = c;
            seen++;
            if (seen >= phn) {
                int same = 1;
                for (int j = 0; j < phn; j++) if (last[(seen - phn + j) % phn] != ph[j]) { same = 0; break; }
                if (same) { sqlite3_result_int(ctx, 1); return; }
            }
        }
    }
    sqlite3_result_int(ctx, 0);
}

static inline int cs_register_probe(sqlite3 *db) {
    return sqlite3_create_function_v2(db, "sociaalhus_probe", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, 0, cs_probe, 0, 0, 0);
}
#endif
