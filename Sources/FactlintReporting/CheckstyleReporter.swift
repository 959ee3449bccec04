import FactlintModel
import RuleEngine

/// Checkstyle XML, which many CI and code-review tools import: diagnostics grouped by file.
public enum CheckstyleReporter: Reporter {
  /// `checkstyle`.
  public static let id = "checkstyle"

  /// One `<file>` per file with diagnostics or input problems, files sorted by name; a file's
  /// input problems (source `factlint.input`) come before its diagnostics, each in report order.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    let byFile = Dictionary(grouping: result.diagnostics) { $0.location.file }
    let problems = Dictionary(grouping: result.problems) { $0.location.file }
    var output = XML.declaration + "<checkstyle \(XML.attribute("version", "4.3"))>\n"
    func error(_ location: SourceLocation, _ severity: String, _ message: String, _ source: String)
    {
      output +=
        "    <error \(XML.attribute("line", "\(location.line)")) "
        + "\(XML.attribute("column", "\(location.column)")) "
        + "\(XML.attribute("severity", severity)) \(XML.attribute("message", message)) "
        + "\(XML.attribute("source", source))/>\n"
    }
    for file in Set(byFile.keys).union(problems.keys).sorted() {
      output += "  <file \(XML.attribute("name", file))>\n"
      for problem in problems[file] ?? [] {
        error(problem.location, "error", problem.message, "factlint.input")
      }
      for diagnostic in byFile[file] ?? [] {
        error(
          diagnostic.location, severity(diagnostic.severity), diagnostic.message,
          "factlint.\(diagnostic.ruleID)")
      }
      output += "  </file>\n"
    }
    output += "</checkstyle>\n"
    return output
  }

  /// Checkstyle's names: it calls a note `info`.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "info"
    }
  }
}
