import CNcursesw
import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NcursesBackend {
    /// Writes one cell at (`x`, `y`) as wide-character glyphs.
    func put(_ cell: Cell, x: Int, y: Int) {
        let attrs = PairTable.attributes(cell.style.attributes)
        var pair = palette.pair(for: cell.style)
        var col = Int32(x)
        for glyph in Glyph.glyphs(for: cell, wcwidth: { Int(wcwidth(wchar_t(bitPattern: $0))) }) {
            var chars = glyph.scalars.map { wchar_t(bitPattern: $0) }
            chars.append(0)
            var cc = cchar_t()
            _ = setcchar(&cc, chars, attrs, 0, &pair)
            _ = mvwadd_wch(window, Int32(y), col, &cc)
            col += Int32(glyph.width)
        }
    }

    /// Waits up to `timeoutMs` (negative: forever) for a key, a resize or a
    /// signal; nil on timeout.
    ///
    /// A signal caught by the flag handler gives `.interrupt`; `ERR` from a
    /// blocking read, or early `ERR`s three times in a row from a timed
    /// one, mean the input is closed: `.endOfInput`.
    public func poll(timeoutMs: Int) -> InputEvent? {
        guard !stopped else { return .endOfInput }
        if let sig = Self.pendingSignal { return .interrupt(sig) }
        wtimeout(window, Int32(clamping: max(-1, timeoutMs)))
        var code: wint_t = 0
        let started = monotonicMs()
        errno = 0
        let status = wget_wch(window, &code)
        if status == ERR {
            let interrupted = errno == EINTR
            if let sig = Self.pendingSignal { return .interrupt(sig) }
            if interrupted { return nil }
            if timeoutMs < 0 { return .endOfInput }
            if timeoutMs >= 20 && monotonicMs() - started < timeoutMs / 2 {
                earlyErrors += 1
                return earlyErrors >= 3 ? .endOfInput : nil
            }
            earlyErrors = 0
            return nil
        }
        earlyErrors = 0
        return KeyDecoder.decode(status: status, code: UInt32(code)) { self.size }
    }

    /// Milliseconds on the monotonic clock.
    func monotonicMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}
