import FactlintTestSupport
import Foundation
import Testing

/// The layers of the package, held by a test as well as by the build: SwiftPM's import check
/// accepts a module that is only a dependency's dependency, so "checks never see YAML" needs
/// this table too.
@Suite struct LayeringTests {
  /// The package's modules each target may import, as DESIGN.md's architecture draws them.
  static let layers: [String: Set<String>] = [
    "FactlintModel": [],
    "FactlintYAML": ["FactlintModel", "CYaml"],
    "FactlintReading": ["FactlintModel"],
    "FactlintSpreadsheet": ["FactlintModel"],
    "RuleEngine": ["FactlintModel", "FactlintYAML", "FactlintReading", "FactlintSpreadsheet"],
    "Checks": ["FactlintModel", "RuleEngine"],
    "FactlintDatabase": ["FactlintModel", "FactlintYAML", "RuleEngine"],
    "FactlintDB": [
      "FactlintModel", "FactlintYAML", "RuleEngine", "Checks", "FactlintReporting", "FactlintCLI",
      "FactlintDatabase",
    ],
    "FactlintReporting": ["FactlintModel", "FactlintReading", "RuleEngine"],
    "FactlintCLI": ["FactlintModel", "FactlintReading", "RuleEngine", "FactlintReporting"],
    "FactlintLSP": [
      "FactlintModel", "FactlintReading", "RuleEngine", "FactlintReporting", "FactlintCLI",
    ],
    "FactlintServe": [
      "FactlintModel", "FactlintReading", "RuleEngine", "Checks", "FactlintReporting",
      "FactlintCLI",
    ],
    "Lint": [
      "FactlintModel", "RuleEngine", "Checks", "FactlintReporting", "FactlintCLI", "FactlintLSP",
    ],
    "FactlintTestSupport": ["FactlintModel", "FactlintYAML", "RuleEngine"],
    "BenchSupport": ["FactlintModel", "FactlintYAML", "FactlintReading", "RuleEngine", "Checks"],
    "Bench": [
      "FactlintModel", "FactlintYAML", "FactlintReading", "RuleEngine", "BenchSupport",
      "FactlintTestSupport", "FactlintLSP", "Checks",
    ],
  ]

  /// Every module of the package, so that imports of the system's modules are not judged.
  static let modules = Set(layers.keys).union(["CYaml"])

  /// The imports of each Swift file under `Sources/TARGET`, with the line they are on.
  static func imports() throws -> [(target: String, file: String, line: Int, text: String)] {
    let sources = BinaryRunner.packageRoot.appendingPathComponent("Sources")
    var found: [(String, String, Int, String)] = []
    for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
      let folder = sources.appendingPathComponent(target)
      guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
      while let relative = files.nextObject() as? String {
        guard relative.hasSuffix(".swift") else { continue }
        let path = folder.appendingPathComponent(relative).path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
          separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.contains("import ") {
          let words = line.split(separator: " ")
          guard let position = words.firstIndex(of: "import"), position + 1 < words.count,
            words[..<position].allSatisfy({ ["internal", "public", "package"].contains($0) })
          else { continue }
          found.append((target, "\(target)/\(relative)", index + 1, String(line)))
        }
      }
    }
    return found
  }

  @Test func eachTargetImportsOnlyTheLayersBelowIt() throws {
    let imports = try Self.imports()
    #expect(imports.count > 50, "the sources were not found")
    for (target, file, line, text) in imports {
      let module = String(text.split(separator: " ").last ?? "")
      guard Self.modules.contains(module) else { continue }
      let allowed = try #require(Self.layers[target], "\(target) is not in the table of layers")
      #expect(allowed.contains(module), "\(file):\(line): \(target) may not import \(module)")
    }
  }

  @Test func onlyTheYAMLModuleSeesLibyamlAndItKeepsItInternal() throws {
    let cyaml = try Self.imports().filter { $0.text.hasSuffix(" CYaml") }
    #expect(!cyaml.isEmpty)
    for (target, file, line, text) in cyaml {
      #expect(target == "FactlintYAML", "\(file):\(line) imports CYaml")
      #expect(text.hasPrefix("internal import "), "\(file):\(line): import CYaml internally")
    }
  }
}
