#ifndef SOCIAALHUS_CCRYPT_SHIM_H
#define SOCIAALHUS_CCRYPT_SHIM_H
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

/// Size of `struct crypt_data` (32 KiB): Swift heap-allocates it, never on the stack.
static inline size_t cc_crypt_data_size(void) { return sizeof(struct crypt_data); }

/// Hashes `phrase` with `setting` into a zeroed heap buffer; copies the result to `out`.
/// Returns 0 on success, -1 on failure (NULL or a "*"-prefixed failure token).
static inline int cc_hash(const char *phrase, const char *setting, char *out, size_t outlen) {
    struct crypt_data *data = calloc(1, sizeof(struct crypt_data));
    if (data == NULL) return -1;
    char *r = crypt_rn(phrase, setting, data, (int)sizeof(struct crypt_data));
    int rc = -1;
    if (r != NULL && r[0] != '*' && strlen(r) < outlen) {
        strcpy(out, r);
        rc = 0;
    }
    explicit_bzero(data, sizeof(struct crypt_data));
    free(data);
    return rc;
}
#endif
