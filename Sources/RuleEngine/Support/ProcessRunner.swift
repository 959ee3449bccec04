import Foundation

/// Runs another program with input, a time limit and its output captured: the one way factlint
/// starts a child process (plugins, git for `--since`, and the tests' runs of the binary).
package enum ProcessRunner {
  /// Why a command failed.
  package struct Failure: Error {
    /// Lower case: what went wrong, in a phrase that follows the command's name.
    package var message: String
  }

  /// How a command that started came to an end.
  package struct Completion: Sendable {
    /// What it printed on standard output.
    package var output: Data
    /// What it printed on standard error.
    package var errors: Data
    /// Its exit status, or the number of the signal that ended it.
    package var status: Int32
    /// Whether a signal ended it.
    package var signalled: Bool
    /// Whether it was stopped for running past its time limit.
    package var timedOut: Bool
  }

  /// The command's standard output, or why it failed: it could not start, it exited non-zero,
  /// or it ran past `timeout` seconds.
  package static func run(
    _ command: [String], input: Data, timeout: Double, folder: String? = nil
  ) -> Result<Data, Failure> {
    let completion: Completion
    switch complete(command, input: input, timeout: timeout, folder: folder) {
    case .failure(let failure): return .failure(failure)
    case .success(let value): completion = value
    }
    if completion.timedOut {
      return .failure(Failure(message: "did not finish within \(Wording.seconds(timeout))"))
    }
    guard !completion.signalled, completion.status == 0 else {
      let how =
        completion.signalled
        ? "crashed (signal \(completion.status))"
        : "exited with status \(completion.status)"
      // The last line of its error output usually says why.
      let said =
        String(decoding: completion.errors, as: UTF8.self)
        .split(separator: "\n").last.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
      return .failure(Failure(message: how + said))
    }
    return .success(completion.output)
  }

  /// Runs `command` (a path, or a name looked up on `PATH`) in `folder` with `environment`
  /// (nil: factlint's own), writes `input` to it and captures what it prints; stops it after
  /// `timeout` seconds. Fails only when the command cannot start.
  package static func complete(
    _ command: [String], input: Data = Data(), timeout: Double, folder: String? = nil,
    environment: [String: String]? = nil
  ) -> Result<Completion, Failure> {
    let process = Process()
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    process.executableURL = URL(
      fileURLWithPath: command[0].contains("/") ? command[0] : "/usr/bin/env")
    process.arguments = command[0].contains("/") ? Array(command.dropFirst()) : command
    if let environment { process.environment = environment }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    do {
      try process.run()
    } catch {
      return .failure(Failure(message: "could not start (\(error.localizedDescription))"))
    }
    let collected = OutputCollector()
    let errors = OutputCollector()
    let group = DispatchGroup()
    // Both pipes are read while the command runs, so a full pipe never blocks it.
    for (pipe, sink) in [(stdout, collected), (stderr, errors)] {
      group.enter()
      DispatchQueue.global().async {
        sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
        group.leave()
      }
    }
    // A command that never reads its input must not block factlint: write from another thread.
    DispatchQueue.global().async {
      try? stdin.fileHandleForWriting.write(contentsOf: input)
      try? stdin.fileHandleForWriting.close()
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(2_000) }
    let timedOut = process.isRunning
    if timedOut {
      process.terminate()
      usleep(100_000)
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    group.wait()
    return .success(
      Completion(
        output: collected.data, errors: errors.data, status: process.terminationStatus,
        signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut))
  }
}

/// Output collected on another thread.
private final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = Data()

  func set(_ data: Data) {
    lock.lock()
    stored = data
    lock.unlock()
  }

  var data: Data {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}
