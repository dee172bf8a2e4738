/// A key press, decoded from the terminal.
public enum Key: Sendable, Hashable {
    /// A printable character (any Unicode).
    case char(Character)
    /// Ctrl plus a letter, lower-case (`.ctrl("c")`).
    case ctrl(Character)
    /// Enter or Return.
    case enter
    /// Esc.
    case escape
    /// Backspace (also Ctrl-H and DEL).
    case backspace
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Delete (forward).
    case delete
    /// Insert.
    case insert
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// F1…F12.
    case function(Int)
}

/// Something that happened at the terminal.
public enum InputEvent: Sendable, Hashable {
    /// A key was pressed.
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// A signal asked the program to stop (SIGINT, SIGTERM, SIGHUP); carries the number.
    case interrupt(Int32)
    /// Input closed.
    case endOfInput
}
