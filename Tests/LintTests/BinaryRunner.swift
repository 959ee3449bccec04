import Foundation

/// Runs the built `factlint` binary the way a user does, capturing its output.
enum BinaryRunner {
  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `factlint` binary built beside the test bundle.
  static var binary: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle, bundle.deletingLastPathComponent()].map {
      $0.appendingPathComponent("factlint")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? packageRoot.appendingPathComponent(".build/debug/factlint")
  }

  /// What a run printed and how it ended.
  struct Run {
    var output: String
    var errors: String
    var status: Int32
    var crashed: Bool
    var timedOut: Bool
  }

  /// Runs `factlint arguments` in `folder` with colour off, killing it after `timeout` seconds.
  static func run(
    _ arguments: [String], in folder: URL = packageRoot, timeout: TimeInterval = 60
  ) throws -> Run {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a full pipe never blocks it.
    nonisolated(unsafe) var outputData = Data()
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      outputData = output.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        timedOut = true
        break
      }
      usleep(10_000)
    }
    process.waitUntilExit()
    group.wait()
    return Run(
      output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self),
      status: process.terminationStatus,
      crashed: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
  }
}
