/// A push parser for CSV: feed bytes in chunks, get records with the line where each started.
///
/// RFC 4180 quoting (`""` inside quotes is a quote; quoted fields may hold
/// delimiters and newlines); `\r` outside quotes is dropped, so CRLF files
/// work. Lenient about a quote in the middle of an unquoted field.
struct CSVParser {
    /// One parsed row.
    struct Record {
        var fields: [[UInt8]]
        /// Line where the row starts.
        var line: Int
    }

    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    var delimiter: UInt8
    private(set) var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    /// Current line number (1-based).
    private(set) var line = 1
    private var recordLine = 1
    /// Line where the current quoted field started.
    private(set) var quoteLine = 0
    private var recordHasContent = false

    init(delimiter: UInt8, firstLine: Int = 1) {
        self.delimiter = delimiter
        self.line = firstLine
        self.recordLine = firstLine
    }

    /// True when a quoted field is open (unbalanced quote at end of input).
    var inQuotes: Bool { state == .quoted }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        recordHasContent = true
    }

    private mutating func endRecord(_ emit: (Record) throws -> Void) rethrows {
        if recordHasContent || !field.isEmpty || state != .fieldStart {
            fields.append(field)
            field.removeAll(keepingCapacity: true)
            try emit(Record(fields: fields, line: recordLine))
        }
        fields.removeAll(keepingCapacity: true)
        recordHasContent = false
        state = .fieldStart
        line += 1
        recordLine = line
    }

    /// Consumes bytes, emitting each completed record.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Record) throws -> Void) rethrows {
        let quote = UInt8(ascii: "\"")
        for b in bytes {
            switch state {
            case .fieldStart:
                if b == quote {
                    state = .quoted
                    quoteLine = line
                    recordHasContent = true
                } else if b == delimiter {
                    endField()
                } else if b == 10 {
                    try endRecord(emit)
                } else if b != 13 {
                    field.append(b)
                    state = .unquoted
                }
            case .unquoted:
                if b == delimiter {
                    endField()
                    state = .fieldStart
                } else if b == 10 {
                    try endRecord(emit)
                } else if b != 13 {
                    field.append(b)
                }
            case .quoted:
                if b == quote {
                    state = .quoteInQuoted
                } else {
                    if b == 10 { line += 1 }
                    field.append(b)
                }
            case .quoteInQuoted:
                if b == quote {
                    field.append(quote)
                    state = .quoted
                } else if b == delimiter {
                    endField()
                    state = .fieldStart
                } else if b == 10 {
                    try endRecord(emit)
                } else if b != 13 {
                    field.append(b)
                    state = .unquoted
                }
            }
        }
    }

    /// Ends the input: emits a last record without newline. Returns the line of an unclosed quote, if any.
    mutating func finish(_ emit: (Record) throws -> Void) rethrows -> Int? {
        if state == .quoted { return quoteLine }
        try endRecord(emit)
        return nil
    }

    /// Guesses the delimiter from a header line: the most frequent of `,` `;` tab `|` outside quotes (`,` on ties).
    static func detectDelimiter(_ header: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [44, 59, 9, 124]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuote = false
        for b in header {
            if b == 34 { inQuote.toggle() }
            if b == 10 { break }
            if !inQuote, let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        var best = 0
        for i in 1..<candidates.count where counts[i] > counts[best] { best = i }
        return candidates[best]
    }
}
