import FactlintTestSupport
import Foundation
import RuleEngine
import Testing

/// The version is the same everywhere it is written, and `scripts/set-version.sh` (which
/// `scripts/release.sh` runs) changes every place and nothing else.
@Suite struct ReleaseTests {
  static let root = BinaryRunner.packageRoot

  /// The files that name the version or the release tag.
  static let files = [
    "Sources/RuleEngine/Support/Version.swift", "editors/vscode/package.json",
    "editors/vscode/README.md", "editors/zed/extension.toml", "editors/zed/Cargo.toml",
    "README.md", "docs/editors.md", "docs/output.md", "docs/checks.md",
  ]

  static func read(_ file: String, in folder: URL = root) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
  }

  @Test func everyPlaceNamesThisVersion() throws {
    let version = FactlintVersion.number
    #expect(try Self.read("editors/vscode/package.json").contains("\"version\": \"\(version)\""))
    #expect(try Self.read("editors/zed/extension.toml").contains("\nversion = \"\(version)\"\n"))
    let readme = try Self.read("README.md")
    #expect(readme.contains("rev: v\(version)"))
    #expect(readme.contains("factlint/factlint@v\(version)"))
    #expect(try Self.read("docs/editors.md").contains("/factlint/v\(version)/schema/"))
  }

  @Test func setVersionChangesTheVersionAndNothingElse() throws {
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-release-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    for file in Self.files + ["scripts/set-version.sh"] {
      let target = copy.appendingPathComponent(file)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: Self.root.appendingPathComponent(file), to: target)
    }
    let run = try BinaryRunner.runProgram(
      [
        "/bin/bash", copy.appendingPathComponent("scripts/set-version.sh").path, "7.8.9", copy.path,
      ],
      in: copy)
    #expect(run.status == 0, "\(run.errors)")

    let old = FactlintVersion.number
    for file in Self.files {
      let before = try Self.read(file)
      let after = try Self.read(file, in: copy)
      // Every version and tag is the new one; apart from them the file is as it was.
      #expect(
        after.replacingOccurrences(of: "7.8.9", with: old) == before, "\(file) changed otherwise")
      if file != "editors/zed/Cargo.toml" {
        #expect(!after.contains("v\(old)") && !after.contains("\"\(old)\""), "\(file)")
      }
    }
    #expect(
      try Self.read("Sources/RuleEngine/Support/Version.swift", in: copy).contains("\"7.8.9\""))
    let cargo = try Self.read("editors/zed/Cargo.toml", in: copy)
    #expect(cargo.contains("version = \"7.8.9\""))
    #expect(
      cargo.contains("zed_extension_api = \"\(try #require(try zedAPI()))\""), "a dependency stays")

    let wrong = try BinaryRunner.runProgram(
      ["/bin/bash", copy.appendingPathComponent("scripts/set-version.sh").path, "8", copy.path],
      in: copy)
    #expect(wrong.status == 64)
  }

  /// The version of Zed's extension API the extension builds with.
  func zedAPI() throws -> String? {
    let cargo = try Self.read("editors/zed/Cargo.toml")
    guard
      let line = cargo.split(separator: "\n").first(where: { $0.hasPrefix("zed_extension_api") })
    else { return nil }
    return line.split(separator: "\"").dropFirst().first.map(String.init)
  }
}
