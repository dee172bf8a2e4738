import Terminal

/// Maps the 256 indexed colours onto what a terminal can show.
enum ColorPalette {
    /// The ncurses colour number for `color` on a terminal with `available`
    /// colours: -1 for the terminal default, the index itself where it
    /// exists, else the nearest of the eight basic colours.
    static func number(for color: Color, available: Int) -> Int32 {
        guard case .indexed(let n) = color else { return -1 }
        let index = Int(n)
        if index < available { return Int32(index) }
        if index < 16 { return Int32(index - 8) }  // bright → its basic colour
        return Int32(nearestBasic(rgb(index)))
    }

    /// The xterm RGB value of an indexed colour 16…255 (cube and grey ramp).
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let v = 8 + 10 * (index - 232)
            return (v, v, v)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let i = index - 16
        return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    }

    /// The xterm defaults of the eight basic colours.
    static let basic: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The basic colour (0…7) closest to `rgb`.
    static func nearestBasic(_ rgb: (Int, Int, Int)) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (i, c) in basic.enumerated() {
            let d = (c.0 - rgb.0) * (c.0 - rgb.0) + (c.1 - rgb.1) * (c.1 - rgb.1) + (c.2 - rgb.2) * (c.2 - rgb.2)
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }
}
