/// A key press, decoded from the terminal.
public enum Key: Sendable, Hashable {
    /// A printable character (any Unicode).
    case char(Character)
    /// Ctrl plus a letter, lower-case (`.ctrl("c")`).
    case ctrl(Character)
    case enter, escape, backspace, tab, backTab, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
}

/// Something that happened at the terminal.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// A signal asked the program to stop (SIGINT, SIGTERM, SIGHUP); carries the number.
    case interrupt(Int32)
    /// Input closed.
    case endOfInput
}
