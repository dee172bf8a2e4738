#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator hands memory back, set once at start.
///
/// Dyad's large arrays (message texts, packed features, weight tables, rankings)
/// are made and dropped by background jobs on several threads. glibc's default
/// raises its mmap threshold after the first large free, after which such arrays
/// come from per-thread heaps that are never returned to the system, so the
/// resident set keeps every transient high-water mark of every thread. With a
/// fixed 1 MiB threshold large arrays are always mapped and unmapped, and two
/// heaps are enough for the threads Dyad runs.
enum MemoryPolicy {
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, arenaMax: Int32 = -8  // M_MMAP_THRESHOLD, M_ARENA_MAX
        _ = mallopt(mmapThreshold, 1 << 20)
        _ = mallopt(arenaMax, 2)
        #endif
    }
}
