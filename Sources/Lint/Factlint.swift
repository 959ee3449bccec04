import ArgumentParser
import Checks
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `factlint` command: lints rule files by default, with subcommands for the check kinds.
@main
struct Factlint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "factlint",
    abstract: "Check that the figures in financial reporting agree with each other.",
    discussion: """
      Exit status: 0 when nothing is at or above --fail-on, 1 when something is, 2 when an \
      input could not be used, 64 for a wrong command line.
      """,
    version: "factlint 0.1.0",
    subcommands: [
      LintCommand.self, CheckCommand.self, ExtractCommand.self, ChecksCommand.self,
      ExplainCommand.self,
    ],
    defaultSubcommand: LintCommand.self)
}

/// Options for how diagnostics are printed and when the run fails.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: \(Reporters.all.map { $0.id }.joined(separator: ", ")).")
  var format: String = TextReporter.id

  @Option(
    name: .customLong("fail-on"), help: "Lowest severity that fails the run: error or warning.")
  var failOn: String = Severity.error.rawValue

  mutating func validate() throws {
    guard Reporters.named(format) != nil else {
      throw ValidationError(
        "unknown format '\(format)'; use one of \(Reporters.all.map { $0.id }.joined(separator: ", "))"
      )
    }
    guard let severity = Severity(rawValue: failOn), severity != .note else {
      throw ValidationError("unknown severity '\(failOn)' for --fail-on; use error or warning")
    }
  }
}

/// `factlint lint PATH...`, also `factlint PATH...`.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Evaluate rule files and the data they name (the default command).")

  @Argument(help: "Rule files or folders of them (default: rules).")
  var paths: [String] = []

  @OptionGroup var output: OutputOptions

  func run() throws {
    let outcome = Commands.lint(
      paths: paths.isEmpty ? ["rules"] : paths, format: Reporters.named(output.format)!,
      failOn: Severity(rawValue: output.failOn)!, useColor: Terminal.colorsStandardOutput,
      registry: .builtin)
    Terminal.finish(outcome)
  }
}

/// `factlint check FILE...`.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Read figures and claims out of articles and check them.",
    discussion: """
      Articles may be plain text (.txt), Markdown (.md), HTML (.html) or WordPress REST post \
      JSON (.json). Claims are checked against each other and against the data given with \
      --data or named by --rules files. A line can be exempted with \
      <!-- factlint-disable-next-line RULE-ID: reason -->.
      """)

  @Argument(help: "Article files.")
  var files: [String]

  @Option(name: .customLong("data"), help: "A data file or folder to check against (repeatable).")
  var data: [String] = []

  @Option(
    name: .customLong("rules"), help: "A rule file or folder whose data is used (repeatable).")
  var rules: [String] = []

  @Flag(name: .customLong("show-unverified"), help: "List claims that could not be checked.")
  var showUnverified = false

  @OptionGroup var output: OutputOptions

  func run() throws {
    let outcome = Commands.check(
      articles: files, data: data, rules: rules, showUnverified: showUnverified,
      format: Reporters.named(output.format)!, failOn: Severity(rawValue: output.failOn)!,
      useColor: Terminal.colorsStandardOutput, registry: .builtin)
    Terminal.finish(outcome)
  }
}

/// `factlint extract FILE...`.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract", abstract: "Print every figure and claim found in articles.")

  @Argument(help: "Article files.")
  var files: [String]

  @Option(help: "Output format: text or json.")
  var format: String = "text"

  func validate() throws {
    guard format == "text" || format == "json" else {
      throw ValidationError("unknown format '\(format)' for extract; use text or json")
    }
  }

  func run() throws {
    Terminal.finish(
      Commands.extract(articles: files, json: format == "json", registry: .builtin))
  }
}

/// `factlint checks`.
struct ChecksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checks", abstract: "List the check kinds rules can use.")

  func run() throws {
    Terminal.finish(Commands.listChecks(registry: .builtin))
  }
}

/// `factlint explain ID`.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Document a check kind: parameters and examples.")

  @Argument(help: "The check's id, as listed by 'factlint checks'.")
  var id: String

  func run() throws {
    Terminal.finish(Commands.explain(id, registry: .builtin))
  }
}

/// Standard output and error, and the exit status.
enum Terminal {
  /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
  static var colorsStandardOutput: Bool {
    guard isatty(STDOUT_FILENO) == 1 else { return false }
    if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return true
  }

  /// Writes the outcome and exits with its status.
  static func finish(_ outcome: Outcome) -> Never {
    write(outcome.output, to: STDOUT_FILENO)
    write(outcome.errors, to: STDERR_FILENO)
    exit(outcome.status)
  }

  /// Writes all of `text`, retrying short writes.
  static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }
}
