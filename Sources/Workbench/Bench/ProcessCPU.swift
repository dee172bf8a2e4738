#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time the process has used, all threads together (user + system), and the calling thread's.
///
/// On a machine shared with other work the wall-clock figures of `dyad bench` stretch with the
/// load; the CPU seconds a step took do not, so the benchmark reports both for start-up.
public enum ProcessCPU {
    /// Seconds of CPU used so far.
    public static func seconds() -> Double {
        var u = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &u) == 0 else { return 0 }
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(u.ru_utime) + s(u.ru_stime)
    }

    /// Seconds of CPU the calling thread has used (the key loop's own share of a frame).
    public static func threadSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
