#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zero-initialised, copy-on-write array of `SIMD4<Float>` for the model's
/// hashed weight tables, backed by its own memory mapping.
///
/// A lookup in a 64 MB table at a random slot is a TLB miss with 4 KB pages;
/// the mapping is aligned to 2 MB and advised for transparent huge pages, so
/// the whole table is covered by a few dozen TLB entries (learning and scoring
/// are bound by these random lookups). Fresh pages come from the kernel as
/// zeros, so a new table costs nothing until it is written.
public struct SlotBuffer: @unchecked Sendable {
    /// The mapping; shared between copies until one of them writes.
    final class Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<SIMD4<Float>>
        let count: Int
        private let mapping: UnsafeMutableRawPointer?
        private let mappedBytes: Int

        static let hugePage = 2 << 20

        init(count: Int) {
            self.count = count
            let bytes = max(count, 1) * MemoryLayout<SIMD4<Float>>.stride
            if bytes >= Storage.hugePage,
               let m = mmap(nil, bytes + Storage.hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
               m != MAP_FAILED {
                mapping = m
                mappedBytes = bytes + Storage.hugePage
                let aligned = (Int(bitPattern: m) + Storage.hugePage - 1) & ~(Storage.hugePage - 1)
                let p = UnsafeMutableRawPointer(bitPattern: aligned)!
                #if os(Linux)
                _ = madvise(p, bytes, MADV_HUGEPAGE)
                #endif
                base = p.bindMemory(to: SIMD4<Float>.self, capacity: max(count, 1))
            } else {
                mapping = nil
                mappedBytes = 0
                base = .allocate(capacity: max(count, 1))
                base.initialize(repeating: .zero, count: max(count, 1))
            }
        }

        func copy() -> Storage {
            let s = Storage(count: count)
            s.base.update(from: base, count: count)
            return s
        }

        deinit {
            if let mapping { munmap(mapping, mappedBytes) } else { base.deallocate() }
        }
    }

    var storage: Storage

    /// A table of `count` zero vectors.
    public init(count: Int) { storage = Storage(count: count) }

    /// Number of vectors.
    public var count: Int { storage.count }

    /// The vector at `i`.
    @inline(__always)
    public subscript(i: Int) -> SIMD4<Float> {
        get { storage.base[i] }
        set {
            makeUnique()
            storage.base[i] = newValue
        }
    }

    @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Calls `body` with read access to every vector.
    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<SIMD4<Float>>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// Calls `body` with write access to every vector (copies first when shared).
    @inline(__always)
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<SIMD4<Float>>) throws -> R) rethrows -> R {
        makeUnique()
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: storage.count))
    }
}
