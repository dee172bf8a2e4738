import Foundation

/// Small, self-contained SVG charts (no scripts, no external resources), well-formed XML.
enum SVGChart {
    /// One line of a line chart: a value per x (nil leaves a gap).
    struct Series {
        var name: String
        var color: String
        var values: [Double?]
    }

    static let palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096", "#d69e2e", "#319795", "#e53e3e"]
    static let width = 640.0, height = 260.0
    static let left = 56.0, right = 16.0, top = 48.0, bottom = 40.0

    /// A line chart of `series` over `xs`; `yMax` nil scales to the data; `unit` formats y ticks.
    static func line(title: String, xs: [Double], xLabel: String, series: [Series], yMax: Double?, percent: Bool) -> String {
        let maxY = yMax ?? niceMax(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        let minX = xs.min() ?? 0, maxX = max((xs.max() ?? 1), minX + 1)
        var out = open(title: title)
        out += axes(maxY: maxY, percent: percent, xLabel: xLabel)
        for x in ticks(minX, maxX) {
            out += text(String(format: "%g", x), x: px(x, minX, maxX), y: height - bottom + 16, anchor: "middle", size: 11)
        }
        for s in series {
            var segment: [String] = []
            var paths: [[String]] = []
            for (k, v) in s.values.enumerated() where k < xs.count {
                guard let v else {
                    if !segment.isEmpty { paths.append(segment); segment = [] }
                    continue
                }
                segment.append(String(format: "%.1f,%.1f", px(xs[k], minX, maxX), py(v, maxY)))
            }
            if !segment.isEmpty { paths.append(segment) }
            for p in paths {
                out += "<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2.5\" points=\"\(p.joined(separator: " "))\"/>"
                for pt in p {
                    let c = pt.split(separator: ",")
                    out += "<circle cx=\"\(c[0])\" cy=\"\(c[1])\" r=\"3\" fill=\"\(s.color)\"/>"
                }
            }
        }
        out += legend(series.map { ($0.name, $0.color) })
        return out + "</svg>"
    }

    /// A bar chart: one bar per category.
    static func bars(title: String, categories: [String], values: [Double], color: String, format: @escaping (Double) -> String) -> String {
        let maxY = niceMax(values.max() ?? 1)
        var out = open(title: title)
        out += axes(maxY: maxY, percent: false, xLabel: "cycle", format: format)
        let n = max(1, categories.count)
        let slot = (width - left - right) / Double(n)
        for (k, v) in values.enumerated() {
            let h = (height - top - bottom) * min(1, v / maxY)
            let x = left + slot * Double(k) + slot * 0.15
            out += rect(x, height - bottom - h, slot * 0.7, h, color, tip: "\(categories[k]): \(format(v))")
            out += text(categories[k], x: x + slot * 0.35, y: height - bottom + 16, anchor: "middle", size: 11)
        }
        return out + "</svg>"
    }

    /// Stacked bars of shares (each category sums to 1): one colour per series.
    static func stacked(title: String, categories: [String], series: [Series]) -> String {
        var out = open(title: title)
        out += axes(maxY: 1, percent: true, xLabel: "cycle")
        let n = max(1, categories.count)
        let slot = (width - left - right) / Double(n)
        for k in 0..<categories.count {
            let total = series.reduce(0) { $0 + ($1.values[safe: k].flatMap { $0 } ?? 0) }
            guard total > 0 else { continue }
            var y = height - bottom
            let x = left + slot * Double(k) + slot * 0.15
            for s in series {
                let v = s.values[safe: k].flatMap { $0 } ?? 0
                guard v > 0 else { continue }
                let h = (height - top - bottom) * v / total
                y -= h
                out += rect(x, y, slot * 0.7, h, s.color, tip: "\(s.name): \(Int(v))")
            }
            out += text(categories[k], x: x + slot * 0.35, y: height - bottom + 16, anchor: "middle", size: 11)
        }
        out += legend(series.map { ($0.name, $0.color) })
        return out + "</svg>"
    }

    // MARK: Pieces

    static func open(title: String) -> String {
        String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">",
               width, height, width, height)
            + "<title>\(escape(title))</title>"
            + "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>"
            + text(title, x: left, y: 18, anchor: "start", size: 14, weight: "bold")
    }

    static func axes(maxY: Double, percent: Bool, xLabel: String, format: ((Double) -> String)? = nil) -> String {
        var out = ""
        for k in 0...4 {
            let v = maxY * Double(k) / 4
            let y = py(v, maxY)
            out += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>", left, y, width - right, y)
            let label = format?(v) ?? (percent ? "\(Int((v * 100).rounded()))%" : String(format: "%g", (v * 100).rounded() / 100))
            out += text(label, x: left - 6, y: y + 4, anchor: "end", size: 11)
        }
        out += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#4a5568\"/>",
                      left, height - bottom, width - right, height - bottom)
        out += text(xLabel, x: (left + width - right) / 2, y: height - 6, anchor: "middle", size: 11)
        return out
    }

    /// A row of colour keys under the title, left to right.
    static func legend(_ items: [(String, String)]) -> String {
        var out = ""
        var x = left
        for (name, color) in items {
            out += rect(x, 26, 10, 10, color, tip: nil)
            out += text(name, x: x + 14, y: 35, anchor: "start", size: 11)
            x += Double(name.count) * 6.2 + 26
        }
        return out
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String, size: Int, weight: String = "normal") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"#1a202c\">"
            + escape(s) + "</text>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ color: String, tip: String?) -> String {
        let head = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(color)\""
        return tip.map { head + "><title>\(escape($0))</title></rect>" } ?? head + "/>"
    }

    /// A coordinate with one decimal.
    static func n(_ x: Double) -> String { String(format: "%.1f", x) }

    static func px(_ x: Double, _ minX: Double, _ maxX: Double) -> Double {
        left + (width - left - right) * (x - minX) / (maxX - minX)
    }

    static func py(_ y: Double, _ maxY: Double) -> Double {
        height - bottom - (height - top - bottom) * min(1, max(0, y / maxY))
    }

    /// Up to about six round tick values between `a` and `b`.
    static func ticks(_ a: Double, _ b: Double) -> [Double] {
        var step = niceMax((b - a) / 5)
        if a.rounded() == a, b.rounded() == b { step = max(1, step.rounded(.up)) }  // whole numbers: no 1.5 cycles
        guard step > 0 else { return [a] }
        var out: [Double] = []
        var t = (a / step).rounded(.up) * step
        while t <= b + 1e-9 { out.append(t); t += step }
        return out
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `x`.
    static func niceMax(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let p = pow(10, floor(log10(x)))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= x { return m * p }
        return 10 * p
    }

    /// `s` escaped for XML text and attributes.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters even escaped.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
