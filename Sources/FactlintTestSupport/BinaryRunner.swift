import Foundation
import RuleEngine

/// Runs the built `factlint` binary the way a user does, capturing its output.
package enum BinaryRunner {
  /// The package's root folder.
  package static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `factlint` binary built beside the test bundle.
  package static var binary: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle, bundle.deletingLastPathComponent()].map {
      $0.appendingPathComponent("factlint")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? packageRoot.appendingPathComponent(".build/debug/factlint")
  }

  /// What a run printed and how it ended.
  package struct Run {
    package var output: String
    package var errors: String
    package var status: Int32
    package var crashed: Bool
    package var timedOut: Bool
  }

  /// Runs another program, `command` (its path first), in `folder`, killing it after `timeout`
  /// seconds.
  package static func runProgram(
    _ command: [String], in folder: URL = packageRoot, timeout: TimeInterval = 60
  ) throws -> Run {
    let completion = try ProcessRunner.complete(
      command, input: Data(), timeout: timeout, folder: folder.path,
      environment: ProcessInfo.processInfo.environment, outputLimit: 1 << 30
    ).get()
    return Run(
      output: String(decoding: completion.output, as: UTF8.self),
      errors: String(decoding: completion.errors, as: UTF8.self),
      status: completion.status, crashed: completion.signalled, timedOut: completion.timedOut)
  }

  /// Runs `factlint arguments` in `folder` with colour off, `input` on its standard input and
  /// `extra` added to the environment, killing it after `timeout` seconds.
  package static func run(
    _ arguments: [String], in folder: URL = packageRoot, input: String = "",
    timeout: TimeInterval = 60, environment extra: [String: String] = [:]
  ) throws -> Run {
    var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    environment["NO_COLOR"] = "1"
    let completion = try ProcessRunner.complete(
      [binary.path] + arguments, input: Data(input.utf8), timeout: timeout, folder: folder.path,
      environment: environment,
      outputLimit: 1 << 30
    ).get()
    return Run(
      output: String(decoding: completion.output, as: UTF8.self),
      errors: String(decoding: completion.errors, as: UTF8.self),
      status: completion.status, crashed: completion.signalled, timedOut: completion.timedOut)
  }
}
