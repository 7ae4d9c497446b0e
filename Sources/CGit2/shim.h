#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/mempack.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-argument
   wrapper per option the tool sets. */

/* libgit2 hashes every object it reads to check its id; git itself does not
   on ordinary reads (zlib's checksum still catches damage), and on a long
   history the hashing is half the cost of reading it. */
static inline int runbook_git_disable_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
