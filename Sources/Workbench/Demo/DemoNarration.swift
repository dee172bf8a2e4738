/// What the demo banner shows: the narrated step and the two learning curves.
public struct DemoNarration: Sendable, Equatable {
    /// Who is driving the workbench.
    public enum Driver: Sendable, Equatable {
        /// The simulated analyst, stepping every `pace` milliseconds.
        case running
        /// The simulated analyst, paused.
        case paused
        /// A real person at the keyboard.
        case human
    }

    /// Who drives now.
    public var driver: Driver = .running
    /// Milliseconds between steps.
    public var paceMs: Int
    /// Decisions the simulated analyst made.
    public var step = 0
    /// The narrated chain, one line each: picked → prediction → label → change → what the machine shows.
    public var lines: [String] = []
    /// Index of the line being narrated (earlier lines are done, later ones pending).
    public var current = 0
    /// The active strategy's name.
    public var strategy: String
    /// Macro-F1 curve of the active-order shadow model.
    public var activeCurve: [Double] = []
    /// Macro-F1 curve of the random-order shadow model.
    public var randomCurve: [Double] = []
    /// Labels of the latest curve point.
    public var curveLabels = 0
    /// Wrong labels the simulated analyst gave.
    public var errorsMade = 0
    /// Of those, how many the review queue flagged or the analyst fixed.
    public var errorsCaught = 0

    /// Creates a narration for a demo of `strategy` stepping every `paceMs`.
    public init(strategy: String, paceMs: Int) {
        self.strategy = strategy
        self.paceMs = paceMs
    }

    /// One line about who drives and how fast, for the banner's title.
    public var title: String {
        switch driver {
        case .running: "demo · step \(step) · every \(paceMs) ms · space pause · → step · +/- speed · h take over · q quit"
        case .paused: "demo · PAUSED at step \(step) · space resume · → one step · h take over · q quit"
        case .human: "demo · YOU have the keyboard (normal triage keys) · h gives it back to the simulated analyst"
        }
    }
}
