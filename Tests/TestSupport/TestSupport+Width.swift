import Terminal

extension TestSupport {
    /// Terminal columns `text` takes (wide CJK and emoji count two), for
    /// checking column alignment on captured screens.
    public static func displayWidth(_ text: String) -> Int {
        DisplayWidth.of(text)
    }
}
