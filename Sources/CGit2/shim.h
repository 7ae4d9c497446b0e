#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/mempack.h>
#include <zlib.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-argument
   wrapper per option the tool sets. */

/* libgit2 hashes every object it reads to check its id; git itself does not
   on ordinary reads (zlib's checksum still catches damage), and on a long
   history the hashing is half the cost of reading it. */
static inline int runbook_git_disable_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

/* libgit2 keeps every commit and small tree it reads in a cache of up to 256 MB.
   runbook reads each commit once and parses each tree once into its own cache,
   so libgit2's would only hold memory (on a 50,000-commit history, most of the
   build's) and, once bounded, cost time: each eviction scans its hash table from
   the start, past every slot emptied before. It is turned off. */
static inline int runbook_git_disable_object_cache(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
}

/* libgit2 maps pack files into memory in windows of 1 GB, up to 8 GB in all, and
   mapped pages count as the process's memory: a history walk touches most of a
   pack. Smaller windows under a limit keep that bounded. */
static inline int runbook_git_limit_pack_mapping(size_t window, size_t limit) {
    int result = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window);
    return result < 0 ? result : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, limit);
}

/* The history walk reads pack files itself (see PackReader) and inflates with
   zlib, which libgit2 already links; inflateInit is a macro Swift cannot call. */
static inline int runbook_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}
