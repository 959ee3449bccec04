import Foundation

/// Golden files: whole outputs of the binary, compared byte for byte.
package enum GoldenFile {
  /// The folder that holds them.
  package static let folder = BinaryRunner.packageRoot.appendingPathComponent(
    "Tests/LintTests/Golden")

  /// Why `output` of `factlint arguments` differs from the golden file `name`, or nil when it
  /// is equal; with `FACTLINT_UPDATE_GOLDEN` set, rewrites the file instead. `suite` is named
  /// in the message that says how to regenerate.
  package static func mismatch(
    _ output: String, name: String, arguments: [String], suite: String
  ) throws -> String? {
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["FACTLINT_UPDATE_GOLDEN"] != nil {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try output.write(to: file, atomically: true, encoding: .utf8)
      return nil
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    guard output != expected else { return nil }
    return """
      output of 'factlint \(arguments.joined(separator: " "))' differs from \
      Tests/LintTests/Golden/\(name); if the change is intended, regenerate with \
      FACTLINT_UPDATE_GOLDEN=1 swift test --filter \(suite)
      """
  }
}
