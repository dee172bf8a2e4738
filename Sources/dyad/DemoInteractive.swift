import Foundation
import Workbench

/// The on-screen demo (work in progress).
struct DemoInteractive {
    var path: String
    var data: DemoData
    var settings: DemoSettings
    var pace: Int
    var workspace: String?
    var noColor: Bool

    func run() throws {
        FileHandle.standardError.write(Data("dyad: the interactive demo is not ready yet; use --headless\n".utf8))
    }
}
