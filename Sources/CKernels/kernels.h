// Tiny C helpers that Swift cannot express: a prefetch hint for the scoring loops,
// and a per-thread priority for background writes.
#ifndef DYAD_KERNELS_H
#define DYAD_KERNELS_H

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/// Asks the CPU to start loading the cache line at `p` for reading (no effect on
/// results; a hint for loops of random look-ups into large tables).
static inline void dyad_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}

/// Lowers the calling thread's CPU priority to the lowest (nice 19), so that work
/// nobody waits for (writing a cache file) takes a core only when it is free.
/// Returns 0 on success; does nothing where threads have no priority of their own.
static inline int dyad_lower_thread_priority(void) {
#ifdef __linux__
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#else
    return -1;
#endif
}

#endif
