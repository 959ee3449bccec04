import ArgumentParser
import Checks
import FactlintCLI
import FactlintLSP
import FactlintModel
import FactlintReporting
import RuleEngine

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
    version: "factlint \(FactlintVersion.number)",
    subcommands: [
      LintCommand.self, CheckCommand.self, ExtractCommand.self, LSPCommand.self,
      ServeCommand.self, DatabaseCommand.self, ChecksCommand.self,
      ExplainCommand.self, GenerateCommand.self,
    ],
    defaultSubcommand: LintCommand.self)
}

/// Options for how diagnostics are printed and which ones fail the run.
struct OutputOptions: ParsableArguments {
  @Option(
    help: """
      Output format: \(Reporters.all.map { $0.id }.joined(separator: ", ")) (default: the \
      configuration's, else text).
      """)
  var format: String?

  @Option(
    name: .customLong("report"),
    help: "Also write FORMAT to PATH (or to standard output without :PATH); repeatable.")
  var reports: [String] = []

  @Option(
    name: .customLong("fail-on"),
    help: "Lowest severity that fails the run: error or warning (default: error).")
  var failOn: String?

  @Option(help: "The configuration file (default: the nearest .factlint.yml above here).")
  var config: String?

  @Option(help: "Report only violations that are not in this baseline file.")
  var baseline: String?

  @Option(
    name: .customLong("write-baseline"), help: "Record today's violations in this baseline file.")
  var writeBaseline: String?

  @Option(help: "Report only diagnostics on lines changed since this git revision.")
  var since: String?

  @Flag(
    name: .customLong("allow-plugins"),
    help: "Let plugin rules run their commands (also FACTLINT_ALLOW_PLUGINS=1); off by default.")
  var allowPlugins = false

  @Option(
    name: .customLong("allow-path"),
    help: ArgumentHelp(
      "Let paths that rule files and the configuration name lead into this folder (repeatable).",
      valueName: "folder"))
  var allowedPaths: [String] = []

  mutating func validate() throws {
    if let format, Reporters.named(format) == nil {
      throw ValidationError(
        "unknown format '\(format)'; use one of \(Reporters.all.map { $0.id }.joined(separator: ", "))"
      )
    }
    if let failOn, Severity(rawValue: failOn) == nil || failOn == Severity.note.rawValue {
      throw ValidationError("unknown severity '\(failOn)' for --fail-on; use error or warning")
    }
  }

  /// The options for a run.
  func runOptions(showUnverified: Bool = false) -> RunOptions {
    var options = RunOptions()
    options.format = format
    options.reports = reports
    options.failOn = failOn.flatMap(Severity.init(rawValue:))
    options.useColor = Terminal.colorsStandardOutput
    options.configPath = config
    options.baseline = baseline
    options.writeBaseline = writeBaseline
    options.since = since
    options.showUnverified = showUnverified
    options.allowPlugins = allowPlugins || Terminal.environmentAllowsPlugins
    options.allowedPaths = allowedPaths
    if Terminal.standardErrorIsTerminal { options.progress = Terminal.progressLine() }
    return options
  }
}

/// `factlint lint PATH...`, also `factlint PATH...`.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Evaluate rule files and the data they name (the default command).",
    discussion: """
      With no paths, the rules and articles of the nearest .factlint.yml are checked, or else \
      the folder rules/.
      """)

  @Argument(help: "Rule files or folders of them.")
  var paths: [String] = []

  @OptionGroup var output: OutputOptions

  @Flag(
    name: .customLong("show-unverified"),
    help: "List the rules that could not run on a figure (its other figure in another unit).")
  var showUnverified = false

  func run() throws {
    Terminal.finish(
      Session.lint(
        paths: paths, options: output.runOptions(showUnverified: showUnverified),
        registry: .builtin))
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
      --data or named by --rules files (default: the configuration's). A line can be exempted \
      with <!-- factlint-disable-next-line RULE-ID: reason -->.
      """)

  @Argument(help: "Article files or folders of them; '-' reads one from standard input.")
  var files: [String]

  @Option(
    name: .customLong("stdin-path"),
    help: ArgumentHelp(
      "The path the draft on standard input stands for: its name in diagnostics, its format "
        + "by extension (default Markdown) and where its configuration is found."))
  var stdinPath: String?

  @Option(name: .customLong("data"), help: "A data file or folder to check against (repeatable).")
  var data: [String] = []

  @Option(
    name: .customLong("rules"), help: "A rule file or folder whose data is used (repeatable).")
  var rules: [String] = []

  @Flag(name: .customLong("show-unverified"), help: "List claims that could not be checked.")
  var showUnverified = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard files.filter({ $0 == "-" }).count <= 1 else {
      throw ValidationError("'-' (standard input) may be given once")
    }
    guard stdinPath == nil || files.contains("-") else {
      throw ValidationError("--stdin-path names the draft on standard input; give '-' as well")
    }
  }

  func run() throws {
    var standardInput: ArticleRun.StandardInput?
    if files.contains("-") {
      // One byte past the limit, so that the reader refuses it as it refuses a file too large.
      let bytes = Terminal.readStandardInput(limit: SourceFiles.sizeLimit + 1)
      standardInput = ArticleRun.StandardInput(name: stdinPath, bytes: bytes)
    }
    Terminal.finish(
      Session.check(
        articles: files, data: data, rules: rules, standardInput: standardInput,
        options: output.runOptions(showUnverified: showUnverified), registry: .builtin))
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

/// `factlint lsp`.
struct LSPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server on standard input and output, for editors.")

  func run() throws {
    LanguageServer.serveStandardStreams(registry: .builtin)
  }
}

/// `factlint serve`: runs `factlint-serve`, the web page's server, which is built apart so that
/// `factlint` itself carries no web server.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve a page that checks drafts as editors paste or upload them.",
    discussion: """
      Runs factlint-serve from beside this program, with the options given: --host (default \
      127.0.0.1), --port (default 8080), --config, --max-bytes, --allow-plugins. Build it \
      with `swift build --product factlint-serve`.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Options for factlint-serve.")
  var options: [String] = []

  func run() throws {
    Terminal.runInstead(
      "factlint-serve", arguments: options,
      howToGet: "build it with `swift build --product factlint-serve`")
  }
}

/// `factlint db`: runs `factlint-db`, which checks the configuration's databases in place and is
/// built apart so that `factlint` itself carries no database client.
struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Check the figures of the configuration's databases where they are.",
    discussion: """
      Runs factlint-db from beside this program, with the options given: rule paths, \
      --config, --format, --fail-on, --load, --timeout, --print-sql DIALECT. Build it with \
      `swift build --product factlint-db`.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Options for factlint-db.")
  var options: [String] = []

  func run() throws {
    Terminal.runInstead(
      "factlint-db", arguments: options,
      howToGet: "build it with `swift build --product factlint-db`")
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

/// `factlint generate`.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Rewrite docs/checks.md and the JSON Schemas in schema/ from the check kinds.",
    discussion: "Run it in the folder that holds Package.swift.")

  func run() throws {
    Terminal.finish(Commands.generate(registry: .builtin))
  }
}
