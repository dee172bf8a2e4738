import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` inherits the test runner's blocked signals and
/// relies on SIGCHLD to notice the child's exit; under the test runner that
/// can hang, and a tmux server started that way ignores SIGTERM and SIGHUP.
/// Here the child starts with every signal unblocked and at its default
/// action, and the exit is collected by a blocking `waitpid`.
public enum Spawn {
    /// How a run ended and what it wrote.
    public struct Result: Sendable {
        /// The exit status (128 + n when killed by signal n).
        public var status: Int32
        /// What the program wrote to standard output.
        public var output: String
        /// What the program wrote to standard error.
        public var error: String
    }

    /// Runs `executable` with `arguments` and `environment` (default: this
    /// process's), standard input from `input` (default /dev/null).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: String = "/dev/null") throws -> Result {
        let dir = FileManager.default.temporaryDirectory
        let outPath = dir.appendingPathComponent("dyad-spawn-\(UUID().uuidString).out").path
        let errPath = dir.appendingPathComponent("dyad-spawn-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid = pid_t()
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SpawnError.cannotStart(executable, code: rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SpawnError.cannotStart(executable, code: errno) }
        }
        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: code, output: output, error: error)
    }
}

/// Why `Spawn.run` could not run a program.
public enum SpawnError: Error, CustomStringConvertible {
    /// `posix_spawn` or `waitpid` failed with this errno.
    case cannotStart(String, code: Int32)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .cannotStart(let path, let code): "cannot run \(path): \(String(cString: strerror(code)))"
        }
    }
}
