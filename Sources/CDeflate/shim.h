/* libdeflate inflates a whole zlib stream of known size in one call, two to
   three times faster than zlib's streaming inflate: the history walk reads
   every object it needs from the pack files itself (GitKit's PackReader). */
#include <libdeflate.h>
