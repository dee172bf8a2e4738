// Tiny C helpers for the scoring loops that Swift cannot express.
#ifndef DYAD_KERNELS_H
#define DYAD_KERNELS_H

/// Asks the CPU to start loading the cache line at `p` for reading (no effect on
/// results; a hint for loops of random look-ups into large tables).
static inline void dyad_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}

#endif
