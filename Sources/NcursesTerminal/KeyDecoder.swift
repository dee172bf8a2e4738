import CNcursesw
import Terminal

/// Turns what `wget_wch` returned into an input event.
enum KeyDecoder {
    /// The event for a `wget_wch` result: `status` is `OK` (a character in
    /// `code`) or `KEY_CODE_YES` (a function key in `code`); `size` gives
    /// the new size on `KEY_RESIZE`. Nil for keys Dyad does not use.
    ///
    /// In raw mode Ctrl-C arrives as a byte, not as SIGINT; it is reported
    /// as `.interrupt(SIGINT)` so it ends the program the same way.
    static func decode(status: Int32, code: UInt32, size: () -> Size) -> InputEvent? {
        if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: code), size: size) }
        guard status == OK else { return nil }
        switch code {
        case 3: return .interrupt(SIGINT)
        case 13, 10: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26:
            guard let scalar = Unicode.Scalar(0x60 + code) else { return nil }
            return .key(.ctrl(Character(scalar)))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// The event for a `KEY_*` code.
    static func functionKey(_ code: Int32, size: () -> Size) -> InputEvent? {
        let named: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
            KEY_DC: .delete, KEY_IC: .insert, KEY_BACKSPACE: .backspace, KEY_ENTER: .enter,
            KEY_BTAB: .backTab,
        ]
        if let key = named[code] { return .key(key) }
        if code == KEY_RESIZE { return .resize(size()) }
        let f1 = dyad_key_f(1)
        if code >= f1 && code < f1 + 12 { return .key(.function(Int(code - f1) + 1)) }
        return nil
    }
}
