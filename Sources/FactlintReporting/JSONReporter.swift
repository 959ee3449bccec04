import RuleEngine

/// Machine-readable output, one JSON object with a version:
/// `{"version": 1, "diagnostics": [...], "problems": [...], "summary": {...}}`; `problems` are
/// the inputs that could not be used, each at its place with what to do.
public enum JSONReporter: Reporter {
  /// `json`.
  public static let id = "json"
  /// Bumped when a field changes meaning or disappears; new fields do not bump it.
  public static let version = 1

  /// The diagnostics as one JSON object, keys in a fixed order.
  public static func report(_ result: LintResult, context: ReportContext) -> String {
    let json = JSONWriter()
    json.object {
      json.field("version", version)
      json.field("diagnostics") {
        json.array(result.diagnostics) { diagnostic in
          json.object {
            json.location(diagnostic.location)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("rule", diagnostic.ruleID)
            json.field("check", diagnostic.checkID)
            json.field("message", diagnostic.message)
            json.field("notes") {
              json.array(diagnostic.notes) { note in
                json.object {
                  json.location(note.location)
                  json.field("message", note.message)
                }
              }
            }
            json.field("fingerprint", diagnostic.fingerprint)
          }
        }
      }
      for (name, problems) in [("problems", result.problems), ("notices", result.notices)] {
        json.field(name) {
          json.array(problems) { problem in
            json.object {
              json.location(problem.location)
              json.field("message", problem.message)
            }
          }
        }
      }
      json.field("summary") {
        json.object {
          json.field("errors", result.count(.error))
          json.field("warnings", result.count(.warning))
          json.field("notes", result.count(.note))
          json.field("files", result.fileCount)
        }
      }
    }
    return json.text + "\n"
  }
}
