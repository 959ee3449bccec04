import Checks
import FactlintModel
import FactlintTestSupport
import Foundation
import RuleEngine
import Testing

/// One documented example of one check, as a test case.
struct ExampleCase: Sendable, CustomTestStringConvertible {
  let check: any Check.Type
  let index: Int
  var example: CheckExample { check.description.examples[index] }
  var testDescription: String { "\(check.description.id) example \(index + 1)" }

  static let all: [ExampleCase] = CheckRegistry.builtin.checks.flatMap { check in
    check.description.examples.indices.map { ExampleCase(check: check, index: $0) }
  }
}

@Suite struct CheckExampleTests {
  @Test(arguments: ExampleCase.all)
  func exampleHolds(_ testCase: ExampleCase) {
    verify(testCase.example, check: testCase.check)
  }

  @Test func markersAreTakenOutOfTheDataAndLocatedInScalars() {
    let example = CheckExample(
      data: "figures:\n  - { value: \u{2193}5 }\n  - { note: \"e\u{301}\", value: \u{2193}6 }",
      .passes)
    #expect(example.data == "figures:\n  - { value: 5 }\n  - { note: \"e\u{301}\", value: 6 }")
    #expect(example.marks == [Mark(line: 2, column: 14), Mark(line: 3, column: 26)])
  }

  @Test func everyCheckHasPassingAndFailingExamples() {
    for check in CheckRegistry.builtin.checks {
      let examples = check.description.examples
      #expect(examples.contains { $0.expectation == .passes }, "\(check.description.id)")
      #expect(
        examples.contains { if case .flags = $0.expectation { true } else { false } },
        "\(check.description.id)")
    }
  }

  /// Each folder of Sources/Checks holds one check; its registration line must not be missing.
  @Test func everyCheckFolderIsRegistered() throws {
    let sources = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/Checks")
    let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter {
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: sources.appendingPathComponent($0).path, isDirectory: &isFolder)
        && isFolder.boolValue
    }
    #expect(!folders.isEmpty)
    let registered = Set(CheckRegistry.builtin.ids)
    for folder in folders {
      #expect(
        registered.contains(folder.lowercased()),
        "Sources/Checks/\(folder) is not registered: add it to CheckRegistry.builtin in Registry.swift"
      )
    }
  }
}

/// Runs `example` under `check` and records any difference from its expectation at the
/// example's own file and line, so a failing example is reported where it was written.
func verify(_ example: CheckExample, check: any Check.Type) {
  let location = Testing.SourceLocation(
    fileID: "Checks/" + (example.file.split(separator: "/").last.map(String.init) ?? ""),
    filePath: example.file, line: example.line, column: 1)
  switch ExampleRunner.run(example, check: check) {
  case .failure(let failure):
    Issue.record(
      "example did not run: \(failure.reason) \(failure.problems.map(\.message))",
      sourceLocation: location)
  case .success(let findings):
    switch example.expectation {
    case .passes:
      #expect(findings.map(\.message) == [], sourceLocation: location)
      #expect(example.marks.isEmpty, "a passing example marks no figure", sourceLocation: location)
    case .flags(let severity, let text):
      #expect(findings.count == 1, "\(findings.map(\.message))", sourceLocation: location)
      if let finding = findings.first {
        #expect(finding.severity == severity, "\(finding.message)", sourceLocation: location)
        #expect(finding.message.contains(text), "\(finding.message)", sourceLocation: location)
        #expect(finding.location.file == "example-data.yml", sourceLocation: location)
        // The finding is where the example's marker points.
        #expect(
          example.marks.map { [$0.line, $0.column] }
            == [[finding.location.line, finding.location.column]],
          """
          mark the figure the finding points at with \(CheckExample.marker): it is at \
          \(finding.location.line):\(finding.location.column)
          """, sourceLocation: location)
      }
    }
  }
}
