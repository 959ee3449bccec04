import Foundation
import Testing

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

/// Golden files: whole outputs of the binary, compared byte for byte.
enum GoldenFile {
  /// The folder that holds them.
  static let folder = BinaryRunner.packageRoot.appendingPathComponent("Tests/LintTests/Golden")

  /// Expects `output` of `factlint arguments` to equal the golden file `name`; with
  /// `FACTLINT_UPDATE_GOLDEN` set, rewrites the file instead. `suite` is named in the message
  /// that says how to regenerate.
  static func expectMatches(
    _ output: String, name: String, arguments: [String], suite: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["FACTLINT_UPDATE_GOLDEN"] != nil {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try output.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(
      output == expected,
      """
      output of 'factlint \(arguments.joined(separator: " "))' differs from \
      Tests/LintTests/Golden/\(name); if the change is intended, regenerate with \
      FACTLINT_UPDATE_GOLDEN=1 swift test --filter \(suite)
      """, sourceLocation: sourceLocation)
  }
}
