import Core
import Foundation
import Yams

/// The settings of a workspace, kept in `settings.yaml` (labels, lexicon seeds, defaults).
public struct WorkspaceSettings: Codable, Sendable, Equatable {
    /// The initial label schema (the journal's label events take over from there).
    public var labels: [LabelInfo]
    /// Seed terms per label (label → terms).
    public var lexiconSeeds: [String: [String]]
    /// Decisions per learning cycle.
    public var cycleLength: Int
    /// Default queue strategy (a `QueueStrategy` raw value), if set.
    public var strategy: String?
    /// Path of a held-out labeled file for macro-F1, if any.
    public var heldOut: String?

    /// Creates settings.
    public init(labels: [LabelInfo] = [], lexiconSeeds: [String: [String]] = [:], cycleLength: Int = 25,
                strategy: String? = nil, heldOut: String? = nil) {
        self.labels = labels
        self.lexiconSeeds = lexiconSeeds
        self.cycleLength = cycleLength
        self.strategy = strategy
        self.heldOut = heldOut
    }

    enum CodingKeys: String, CodingKey {
        case labels
        case lexiconSeeds = "lexicon_seeds"
        case cycleLength = "cycle_length"
        case strategy
        case heldOut = "held_out"
    }

    /// Decodes settings; every field is optional in the file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        labels = try c.decodeIfPresent([LabelInfo].self, forKey: .labels) ?? []
        lexiconSeeds = try c.decodeIfPresent([String: [String]].self, forKey: .lexiconSeeds) ?? [:]
        cycleLength = try c.decodeIfPresent(Int.self, forKey: .cycleLength) ?? 25
        strategy = try c.decodeIfPresent(String.self, forKey: .strategy)
        heldOut = try c.decodeIfPresent(String.self, forKey: .heldOut)
    }

    /// Reads settings from a YAML file; an empty file gives defaults.
    public static func load(_ url: URL) throws -> WorkspaceSettings {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw JournalError.badSettings(file: url.path, reason: "not readable as UTF-8 text")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return WorkspaceSettings() }
        do {
            return try YAMLDecoder().decode(WorkspaceSettings.self, from: text)
        } catch {
            throw JournalError.badSettings(file: url.path, reason: "\(error)")
        }
    }

    /// Writes settings atomically (temporary file, fsync, rename).
    public func save(_ url: URL) throws {
        let yaml: String
        do {
            yaml = try YAMLEncoder().encode(self)
        } catch {
            throw JournalError.badSettings(file: url.path, reason: "cannot encode: \(error)")
        }
        let header = "# Dyad workspace settings. Labels and lexicon seeds here are the starting point;\n"
            + "# the journal records every change made in Dyad.\n"
        try DurableFile.replace(url, with: Array((header + yaml).utf8))
    }
}
