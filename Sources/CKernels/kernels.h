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

/// Sets the calling thread's nice level (0 normal … 19 lowest), so that background
/// work yields a core to the key loop at once. Linux threads have priorities of
/// their own; elsewhere this does nothing. Returns 0 on success.
static inline int dyad_set_thread_nice(int level) {
#ifdef __linux__
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), level);
#else
    (void)level;
    return -1;
#endif
}

#endif
