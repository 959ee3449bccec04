import FactlintModel
import RuleEngine

/// Formats a run's diagnostics for one audience: people, scripts, CI systems.
public protocol Reporter: Sendable {
  /// The name given to `--format`.
  static var id: String { get }
  /// The whole output for `result`.
  static func report(_ result: LintResult, context: ReportContext) -> String
}

/// What reporters may need beyond the result: the source text and whether to colour.
public final class ReportContext {
  /// Whether to use ANSI colours.
  public let useColor: Bool
  /// The check kinds, by id, for reporters that document the rules they report.
  public let checks: [String: CheckDescription]
  private var lines: [String: [Substring]] = [:]
  private let readFile: (String) -> String?

  /// Creates a context; `readFile` supplies a file's text for source lines under diagnostics.
  public init(
    useColor: Bool, registry: CheckRegistry = CheckRegistry([]),
    readFile: @escaping (String) -> String? = ReportContext.readText
  ) {
    self.useColor = useColor
    self.readFile = readFile
    var checks: [String: CheckDescription] = [:]
    for check in registry.checks { checks[check.description.id] = check.description }
    self.checks = checks
  }

  /// The last line asked for by `sourceScalars`, so that many diagnostics on one long line
  /// split it once.
  private var lastScalars: (file: String, line: Int, scalars: [Unicode.Scalar])?

  /// The Unicode scalars of `line` (1-based) in `file`, the unit columns count in, or nil when it
  /// cannot be read.
  public func sourceScalars(_ file: String, _ line: Int) -> [Unicode.Scalar]? {
    if let last = lastScalars, last.file == file, last.line == line { return last.scalars }
    guard let text = sourceLine(file, line) else { return nil }
    let scalars = Array(text.unicodeScalars)
    lastScalars = (file, line, scalars)
    return scalars
  }

  /// The text of `line` (1-based) in `file`, or nil when it cannot be read.
  public func sourceLine(_ file: String, _ line: Int) -> Substring? {
    if lines[file] == nil {
      lines[file] =
        readFile(file).map { text in
          // Lines end as SourceLines ends them; "\r\n" is one Character.
          text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n" || $0 == "\r"
          }
        } ?? []
    }
    guard let fileLines = lines[file], line >= 1, line <= fileLines.count else { return nil }
    return fileLines[line - 1]
  }

  /// Reads a file as UTF-8, replacing invalid bytes.
  public static func readText(_ path: String) -> String? {
    guard let bytes = try? SourceFiles.read(path) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The reporters `--format` offers, listed in one place.
public enum Reporters {
  /// Every reporter.
  public static let all: [any Reporter.Type] = [
    TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self,
    CheckstyleReporter.self, GitHubReporter.self,
  ]

  /// The reporter named `id`.
  public static func named(_ id: String) -> (any Reporter.Type)? {
    all.first { $0.id == id }
  }
}
