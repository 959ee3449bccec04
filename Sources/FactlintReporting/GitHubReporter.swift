import FactlintModel
import RuleEngine

/// GitHub Actions workflow commands, which turn each diagnostic into an annotation on the file:
/// `::error file=PATH,line=L,col=C,endColumn=E,title=factlint RULE-ID::MESSAGE`.
public enum GitHubReporter: Reporter {
  /// `github`.
  public static let id = "github"

  /// One command line per input problem (`::error`, titled `factlint input`) and notice
  /// (`::notice`), then one per diagnostic: `::error`, `::warning`, or `::notice` for a note.
  ///
  /// The message carries the notes as further lines, each at its place, because an annotation
  /// shows only its message and the other figures are what make a verdict checkable.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    var output = ""
    for (problem, command) in result.problems.map({ ($0, "error") })
      + result.notices.map({ ($0, "notice") })
    {
      let location = problem.location
      let properties = [
        ("file", location.file), ("line", "\(location.line)"), ("col", "\(location.column)"),
        ("title", "factlint input"),
      ].map { "\($0)=\(escapeProperty($1))" }
      output +=
        "::\(command) \(properties.joined(separator: ","))::"
        + escapeData(TextReporter.visible(problem.message)) + "\n"
    }
    for diagnostic in result.diagnostics {
      let location = diagnostic.location
      let properties = [
        ("file", location.file), ("line", "\(location.line)"), ("col", "\(location.column)"),
        ("endColumn", "\(location.column + location.length)"),
        ("title", "factlint \(diagnostic.ruleID)"),
      ].map { "\($0)=\(escapeProperty($1))" }
      // Each line escaped as text output escapes it; the lines are then joined.
      let notes = diagnostic.notes.map { "\($0.location): \($0.message)" }
      let message = ([diagnostic.message] + notes).map(TextReporter.visible)
        .joined(separator: "\n")
      output +=
        "::\(command(diagnostic.severity)) \(properties.joined(separator: ","))::"
        + escapeData(message) + "\n"
    }
    return output
  }

  static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "notice"
    }
  }

  /// A command's message: `%` first, so that the escapes it introduces are not escaped again.
  static func escapeData(_ value: String) -> String {
    var result = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "%": result += "%25"
      case "\r": result += "%0D"
      case "\n": result += "%0A"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A property value, which also ends at `,` and `::`.
  static func escapeProperty(_ value: String) -> String {
    var result = ""
    for scalar in escapeData(value).unicodeScalars {
      switch scalar {
      case ":": result += "%3A"
      case ",": result += "%2C"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
