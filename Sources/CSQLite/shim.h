#ifndef SOCIAALHUS_CSQLITE_SHIM_H
#define SOCIAALHUS_CSQLITE_SHIM_H
#include <sqlite3.h>
#include <string.h>

/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import: the text or
 * blob bound is copied by SQLite before the call returns. */
static inline sqlite3_destructor_type cs_transient(void) { return SQLITE_TRANSIENT; }

/* sqlite3_db_config is variadic, which Swift cannot call: closing the last connection then leaves
 * the write-ahead log as it is instead of copying it into the database file. */
static inline int cs_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

/* The record's bytes folded for matching an ASCII needle: ASCII letters lower-cased, and the few
 * characters outside ASCII whose case folding gives ASCII letters (Kelvin sign, long s, sharp s,
 * capital sharp s, the Latin ligatures ff fi fl ffi ffl st) written as those letters; every other
 * byte as it is. Foundation's case-insensitive search can only match an ASCII needle where this
 * stream holds it. Returns how many bytes `out` got (at most 3) and how many input bytes it took. */
static inline int cs_fold(const unsigned char *d, int n, int i, unsigned char out[3], int *used) {
    unsigned char c = d[i];
    *used = 1;
    if (c >= 'A' && c <= 'Z') { out[0] = c | 0x20; return 1; }
    if (c < 0x80) { out[0] = c; return 1; }
    if (c == 0xC3 && i + 1 < n && d[i + 1] == 0x9F) { *used = 2; out[0] = 's'; out[1] = 's'; return 2; }   /* ß */
    if (c == 0xC5 && i + 1 < n && d[i + 1] == 0xBF) { *used = 2; out[0] = 's'; return 1; }                 /* ſ */
    if (c == 0xE2 && i + 2 < n && d[i + 1] == 0x84 && d[i + 2] == 0xAA) { *used = 3; out[0] = 'k'; return 1; } /* K (Kelvin) */
    if (c == 0xE1 && i + 2 < n && d[i + 1] == 0xBA && d[i + 2] == 0x9E) { *used = 3; out[0] = 's'; out[1] = 's'; return 2; } /* ẞ */
    if (c == 0xEF && i + 2 < n && d[i + 1] == 0xAC && d[i + 2] >= 0x80 && d[i + 2] <= 0x86) {
        static const char *lig[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };
        const char *l = lig[d[i + 2] - 0x80];
        int k = 0;
        while (l[k]) { out[k] = (unsigned char)l[k]; k++; }
        *used = 3;
        return k;
    }
    out[0] = c;
    return 1;
}

/* What sociaalhus_mentions looks for: one of
 * `needles` (lower-case ASCII, each ended by a 0 byte: the person's name, display name, e-mail
 * and address) occurs in the folded stream above, or the record's digits hold the phone's last
 * digits (`phone`, ASCII) one after the other (every other byte skipped: a phone number written
 * with spaces, dashes or anything else between stays in order). It finds every text the
 * erasure's replacement of whole tokens would change (and more: the erasure checks each). */
/* 1 when text `d` (n bytes) holds one of the parsed needles or the phone's digits in order. */
static int cs_mentions_in(const unsigned char *d, int n, const unsigned char *p, const int *off, const int *len, int needles,
                          const unsigned char *start, const unsigned char *ph, int phn) {
    if (d == 0) return 0;
    for (int i = 0; needles > 0 && i < n; i++) {
        unsigned char c = d[i];
        if (!start[c]) continue;
        unsigned char lower = (c >= 'A' && c <= 'Z') ? (c | 0x20) : c;
        for (int t = 0; t < needles; t++) {
            const unsigned char *q = p + off[t];
            if (c < 0x80 && lower != q[0]) continue;
            int j = 0, at = i;
            unsigned char buf[3]; int bn = 0, bi = 0, used = 0;
            while (j < len[t]) {
                if (bi == bn) {
                    if (at >= n) break;
                    bn = cs_fold(d, n, at, buf, &used);
                    bi = 0;
                    at += used;
                }
                if (buf[bi] != q[j]) break;
                bi++; j++;
            }
            if (j == len[t]) return 1;
        }
    }
    if (ph != 0 && phn > 0 && phn <= 64) {
        unsigned char last[64]; int seen = 0;
        for (int i = 0; i < n; i++) {
            unsigned char c = d[i];
            if (c < '0' || c > '9') continue;
            last[seen % phn] = c;
            seen++;
            if (seen >= phn) {
                int same = 1;
                for (int j = 0; j < phn; j++) if (last[(seen - phn + j) % phn] != ph[j]) { same = 0; break; }
                if (same) return 1;
            }
        }
    }
    return 0;
}

/* sociaalhus_mentions(needles, phone, text, ...): 1 when one of the texts may name the person
 * (see above), each text searched as it is (no concatenation to allocate). */
/* The needles parsed once per statement (SQLite keeps them with the constant argument). */
typedef struct { int off[16], len[16], needles; unsigned char start[256]; } cs_needles;

static void cs_probe(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    if (argc < 3) { sqlite3_result_int(ctx, 0); return; }
    const unsigned char *p = (const unsigned char *)sqlite3_value_blob(argv[0]);
    int pn = sqlite3_value_bytes(argv[0]);
    const unsigned char *ph = sqlite3_value_text(argv[1]);
    int phn = sqlite3_value_bytes(argv[1]);
    /* The needles (at most 16), and which bytes can start a match: a needle's first letter in
     * either case, and the lead bytes of the folded characters above; one table lookup rejects
     * every other byte. */
    cs_needles *nd = (cs_needles *)sqlite3_get_auxdata(ctx, 0);
    if (nd == 0) {
        nd = (cs_needles *)sqlite3_malloc(sizeof(cs_needles));
        if (nd == 0) { sqlite3_result_error_nomem(ctx); return; }
        memset(nd, 0, sizeof(cs_needles));
        for (int k = 0; p != 0 && k < pn && nd->needles < 16; ) {
            int l = 0;
            while (k + l < pn && p[k + l] != 0) l++;
            if (l > 0) {
                nd->off[nd->needles] = k; nd->len[nd->needles] = l; nd->needles++;
                nd->start[p[k]] = 1;
                if (p[k] >= 'a' && p[k] <= 'z') nd->start[p[k] - 0x20] = 1;
            }
            k += l + 1;
        }
        if (nd->needles > 0) { nd->start[0xC3] = nd->start[0xC5] = nd->start[0xE1] = nd->start[0xE2] = nd->start[0xEF] = 1; }
        sqlite3_set_auxdata(ctx, 0, nd, sqlite3_free);
        nd = (cs_needles *)sqlite3_get_auxdata(ctx, 0);
        if (nd == 0) { sqlite3_result_error_nomem(ctx); return; }
        p = (const unsigned char *)sqlite3_value_blob(argv[0]);
    }
    for (int a = 2; a < argc; a++) {
        const unsigned char *d = (const unsigned char *)sqlite3_value_blob(argv[a]);
        int n = sqlite3_value_bytes(argv[a]);
        if (cs_mentions_in(d, n, p, nd->off, nd->len, nd->needles, nd->start, ph, phn)) { sqlite3_result_int(ctx, 1); return; }
    }
    sqlite3_result_int(ctx, 0);
}

static inline int cs_register_probe(sqlite3 *db) {
    return sqlite3_create_function_v2(db, "sociaalhus_mentions", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, 0, cs_probe, 0, 0, 0);
}
#endif
