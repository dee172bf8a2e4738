import Journal

/// The workspace a command works on when `--workspace` is not given: `.dyad` beside the first
/// message file, as `dyad triage` makes it, else `.dyad` in the current folder.
enum WorkspaceArgument {
    static func resolve(_ explicit: String?, files: [String]) -> String {
        explicit ?? files.first.map { Workspace.defaultDirectory(forMessagesFile: $0).path } ?? ".dyad"
    }
}
