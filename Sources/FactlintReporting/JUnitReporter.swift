import FactlintModel
import RuleEngine

/// JUnit XML, which CI systems show as test results: one test case per rule, failing once for
/// each error or warning it reported, and one in error per input file that could not be used.
public enum JUnitReporter: Reporter {
  /// `junit`.
  public static let id = "junit"

  /// One `<testsuite name="factlint">`; `failures` counts failing test cases, not diagnostics,
  /// so that it never exceeds `tests`.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    var failures: [String: [Diagnostic]] = [:]
    // Notes are claims that could not be checked, not violations, so they fail nothing.
    for diagnostic in result.diagnostics where diagnostic.severity >= .warning {
      failures[diagnostic.ruleID, default: []].append(diagnostic)
    }
    let rules = result.reportedRules
    let failing = rules.filter { failures[$0.id] != nil }.count
    // Each input that could not be used is a test case in error: the run could not judge it.
    let unusable = Dictionary(grouping: result.problems, by: \.location.file)
    let files = unusable.keys.sorted()
    var output = XML.declaration
    output +=
      "<testsuite \(XML.attribute("name", "factlint")) "
      + "\(XML.attribute("tests", "\(rules.count + files.count)"))"
      + " \(XML.attribute("failures", "\(failing)")) \(XML.attribute("errors", "\(files.count)"))>\n"
    for file in files {
      output +=
        "  <testcase \(XML.attribute("classname", "factlint.input")) "
        + "\(XML.attribute("name", file))>\n"
      for problem in unusable[file] ?? [] {
        output +=
          "    <error \(XML.attribute("message", problem.message)) "
          + "\(XML.attribute("type", "input"))>"
          + XML.escape("\(problem.location): \(problem.message)") + "</error>\n"
      }
      output += "  </testcase>\n"
    }
    for rule in rules {
      let testCase =
        "  <testcase \(XML.attribute("classname", "factlint.\(rule.checkID)")) "
        + XML.attribute("name", rule.id)
      guard let diagnostics = failures[rule.id] else {
        output += testCase + "/>\n"
        continue
      }
      output += testCase + ">\n"
      for diagnostic in diagnostics {
        output +=
          "    <failure \(XML.attribute("message", diagnostic.message)) "
          + "\(XML.attribute("type", diagnostic.severity.rawValue))>"
          + XML.escape("\(diagnostic.location): \(diagnostic.message)") + "</failure>\n"
      }
      output += "  </testcase>\n"
    }
    output += "</testsuite>\n"
    return output
  }
}
