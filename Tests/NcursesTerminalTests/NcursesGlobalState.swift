import Testing

/// ncurses and terminfo state is global to the process: every suite that
/// touches it is nested here so that all of them run one test at a time.
@Suite("ncurses global state", .serialized)
struct NcursesGlobalState {}
