/* OpenSSL's SHA-256 runs on the processor's SHA instructions where it has
   them: page keys and cache keys, hundreds of thousands of digests in a
   build, take a fraction of the time libgit2's SHA-1 with collision
   detection does. The one-call SHA256() is deprecated in OpenSSL 3 in
   favour of EVP, whose look-up of the algorithm costs more than hashing a
   key's few hundred bytes. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
