import Core

/// How a workbench session is opened (from the command line).
public struct SessionOptions: Sendable {
    public var files: [String]
    public var workspace: String?
    public var analyst: String?
    public var labels: [String]
    public var strategy: QueueStrategy?
    public var theme: String
    public var noColor: Bool
    public var readOnly: Bool
    public var cycleLength: Int?
    public var seed: UInt64
    /// A labeled file scored at every cycle close (held-out macro-F1).
    public var heldOut: String?
    /// A journal of at least this many records gets a model snapshot when it had to be replayed in full.
    public var snapshotMinimum = ModelSnapshot.minimumRecords

    public init(files: [String], workspace: String? = nil, analyst: String? = nil, labels: [String] = [],
                strategy: QueueStrategy? = nil, theme: String = "default", noColor: Bool = false, readOnly: Bool = false,
                cycleLength: Int? = nil, seed: UInt64 = 42, heldOut: String? = nil) {
        self.heldOut = heldOut
        self.files = files
        self.workspace = workspace
        self.analyst = analyst
        self.labels = labels
        self.strategy = strategy
        self.theme = theme
        self.noColor = noColor
        self.readOnly = readOnly
        self.cycleLength = cycleLength
        self.seed = seed
    }
}
