import FactlintModel
import FactlintReporting
import Foundation
import RuleEngine

/// What a command prints and the status it exits with.
public struct Outcome: Sendable, Equatable {
  /// Text for standard output.
  public var output: String
  /// Text for standard error.
  public var errors: String
  /// The exit status: 0 clean, 1 violations, 2 unusable input, 64 usage.
  public var status: Int32

  /// Creates an outcome.
  public init(output: String = "", errors: String = "", status: Int32 = 0) {
    self.output = output
    self.errors = errors
    self.status = status
  }
}

/// Exit statuses, as documented.
public enum ExitStatus {
  /// Nothing at or above the failing severity.
  public static let clean: Int32 = 0
  /// Violations at or above the failing severity.
  public static let violations: Int32 = 1
  /// An input could not be used.
  public static let badInput: Int32 = 2
  /// The command line was wrong.
  public static let usage: Int32 = 64
}

/// The commands, as functions from arguments to output, so tests reach everything the CLI does.
public enum Commands {
  /// `factlint lint PATH...` with only a format and failing severity: see ``Session`` for
  /// every option.
  public static func lint(
    paths: [String], format: any Reporter.Type, failOn: Severity, useColor: Bool,
    registry: CheckRegistry
  ) -> Outcome {
    var options = RunOptions()
    options.format = format.id
    options.failOn = failOn
    options.useColor = useColor
    return Session.lint(paths: paths, options: options, registry: registry)
  }

  /// `factlint extract FILE...`: print every figure and claim read out of articles.
  public static func extract(articles: [String], json: Bool, registry: CheckRegistry) -> Outcome {
    let run = ArticleRun(registry: registry)
    let inputs = run.read(articlePaths: articles, dataPaths: [], rulePaths: [])
    let extractions = inputs.extractions.map(\.extraction)
    var outcome = Outcome(
      output: json ? ExtractReport.json(extractions) : ExtractReport.text(extractions))
    if !inputs.problems.isEmpty {
      outcome.errors = TextReporter.problems(
        inputs.problems, context: ReportContext(useColor: false))
      outcome.status = ExitStatus.badInput
    }
    return outcome
  }

  /// `factlint generate`: writes the generated files into the current folder.
  public static func generate(registry: CheckRegistry) -> Outcome {
    var outcome = Outcome()
    for (path, contents) in GeneratedFiles.all(registry: registry) {
      do {
        try FileManager.default.createDirectory(
          atPath: SourceFiles.folder(of: path), withIntermediateDirectories: true)
        try OutputFile.write(contents, to: path)
        outcome.output += "wrote \(path)\n"
      } catch let problem as Problem {
        outcome.errors += "\(problem.location): error: \(problem.message)\n"
        outcome.status = ExitStatus.badInput
      } catch {
        outcome.errors +=
          "\(path): error: cannot create its folder: \(error.localizedDescription)\n"
        outcome.status = ExitStatus.badInput
      }
    }
    return outcome
  }

  /// `factlint checks`: one line per check kind.
  public static func listChecks(registry: CheckRegistry) -> Outcome {
    let width = registry.ids.map(\.count).max() ?? 0
    let lines = registry.ids.compactMap { id in
      registry.check(id).map { check in
        id + String(repeating: " ", count: width - id.count + 2) + check.description.summary
      }
    }
    return Outcome(output: lines.joined(separator: "\n") + "\n")
  }

  /// `factlint explain ID`: a check's summary, details, parameters and examples.
  public static func explain(_ id: String, registry: CheckRegistry) -> Outcome {
    guard let check = registry.check(id) else {
      let hint =
        Suggestion.closest(to: id, in: registry.ids).map { "did you mean '\($0)'?" }
        ?? "run 'factlint checks' to list them"
      return Outcome(
        errors: "error: unknown check '\(id)'; \(hint)\n", status: ExitStatus.usage)
    }
    return Outcome(output: CheckDocumentation.markdown(check.description))
  }
}
