import RuleEngine

/// A check's documentation as Markdown, for `factlint explain` and generated docs.
public enum CheckDocumentation {
  /// The summary, details, parameters and examples of a check.
  public static func markdown(_ description: CheckDescription) -> String {
    var text = "# \(description.id)\n\n\(description.summary)\n\n\(description.details)\n"
    text += "\n## Parameters\n\n"
    text += "- `where`: a selector (entity, metric, period, segment) of the figures to check\n"
    for parameter in description.parameters {
      let required = parameter.isRequired ? ", required" : ""
      text += "- `\(parameter.name)` (\(parameter.kind.name)\(required)): \(parameter.summary)\n"
    }
    text += "\n## Examples\n"
    for example in description.examples {
      switch example.expectation {
      case .passes:
        text += "\nPasses:\n"
      case .flags(let severity, let message):
        text += "\nFlags (\(severity.rawValue)): \(message)\n"
      }
      text += "\n```yaml\n\(example.data)\n```\n"
      if example.rule != "{}" {
        text += "\nwith the rule parameters\n\n```yaml\n\(example.rule)\n```\n"
      }
    }
    return text
  }
}
