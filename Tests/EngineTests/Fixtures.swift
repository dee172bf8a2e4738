@testable import Engine

/// A tiny labeled corpus and a small engine config for fast tests.
enum Fixtures {
    static let config = EngineConfig(hashBits: 14)

    static let corpus: [(String, String)] = [
        ("urgent verify your paypal password now", "phishing"),
        ("your account is locked click the link to verify", "phishing"),
        ("reset your bank password at this link", "phishing"),
        ("ransomware encrypted all files pay bitcoin", "ransomware"),
        ("files encrypted send bitcoin to decrypt", "ransomware"),
        ("lockbit ransomware note demands payment", "ransomware"),
        ("meeting moved to thursday afternoon", "benign"),
        ("lunch order for the team on friday", "benign"),
        ("quarterly report attached for review", "benign"),
    ]

    /// A classifier trained on `corpus` `passes` times in order.
    static func trained(passes: Int = 3, config: EngineConfig = config) -> Classifier {
        var c = Classifier(config: config)
        for _ in 0..<passes { for (t, l) in corpus { c.learn(t, label: l) } }
        return c
    }
}
