import Foundation
import Insight

/// Reading labeled JSONL for `dyad eval`, timing and memory helpers.
enum EvalData {
    /// One labeled line.
    struct Example {
        var text: String
        var label: String
    }

    /// Errors of `dyad eval` input.
    enum Failure: Error, CustomStringConvertible {
        case unreadable(String, String)
        case badLine(String, Int)

        var description: String {
            switch self {
            case let .unreadable(path, why): "cannot read \(path): \(why); check the path"
            case let .badLine(path, n): "\(path):\(n): expected a JSON object with string fields \"text\" and \"label\"; fix or remove the line"
            }
        }
    }

    /// `examples` in a seeded order (Fisher–Yates with SplitMix64), or as they are for seed 0:
    /// the one-pass figure over other stream orders than the file's.
    static func shuffled(_ examples: [Example], seed: UInt64) -> [Example] {
        guard seed != 0 else { return examples }
        var out = examples, random = SeededGenerator(seed: seed)
        for i in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        return out
    }

    /// Reads JSONL with `text` and `label` fields (blank lines skipped).
    static func read(_ path: String) throws -> [Example] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Failure.unreadable(path, error.localizedDescription)
        }
        var out: [Example] = []
        var lineNo = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = obj["text"] as? String, let label = obj["label"] as? String else {
                throw Failure.badLine(path, lineNo)
            }
            out.append(Example(text: text, label: label))
        }
        return out
    }

    /// Monotonic nanoseconds.
    @inline(__always)
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The q-quantile (0…1) of a list of numbers.
    static func quantile(_ xs: [Double], _ q: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * q).rounded()))]
    }

    #if os(Linux)
    static let RUSAGE_SELF_ID = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    static let RUSAGE_SELF_ID = RUSAGE_SELF
    #endif

    /// Peak resident memory of this process, in MB.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF_ID, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Rounds for JSON output.
    static func round(_ x: Double, _ digits: Int = 4) -> Double {
        let m = pow(10, Double(digits))
        return (x * m).rounded() / m
    }
}
