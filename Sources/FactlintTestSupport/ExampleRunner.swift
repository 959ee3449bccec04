import FactlintModel
import FactlintYAML
import RuleEngine

/// Runs a check's documented examples, so that they are also its tests.
public enum ExampleRunner {
  /// The findings `check` reports on an example's data under its rule, or the problems that kept
  /// the example from running.
  public static func run(_ example: CheckExample, check: any Check.Type) -> Result<
    [Finding], ExampleFailure
  > {
    var problems: [Problem] = []
    let dataPath = "example-data.yml"
    let rulePath = "example-rule.yml"
    let data: DataFile?
    do {
      data = try YAMLParser.parse(Array(example.data.utf8)).flatMap {
        DataLoader.load($0, path: dataPath, problems: &problems)
      }
      guard var rule = try YAMLParser.parse(Array(example.rule.utf8)),
        case .mapping(var pairs) = rule.kind
      else {
        return .failure(ExampleFailure(problems: problems, reason: "the rule is not a mapping"))
      }
      func scalar(_ text: String) -> YAMLNode {
        YAMLNode(kind: .scalar(text, .plain), mark: rule.mark, tag: nil)
      }
      pairs.insert(YAMLPair(key: scalar("id"), value: scalar("example")), at: 0)
      pairs.insert(YAMLPair(key: scalar("check"), value: scalar(check.description.id)), at: 1)
      rule.kind = .mapping(pairs)
      let loaded = try RuleLoader.readRule(rule, path: rulePath, registry: CheckRegistry([check]))
      guard let data, problems.isEmpty else {
        return .failure(ExampleFailure(problems: problems, reason: "the data has problems"))
      }
      return .success(Engine.evaluate(loaded, in: Engine.dataset([data])).map(\.finding))
    } catch let error as YAMLError {
      return .failure(ExampleFailure(problems: problems, reason: error.message))
    } catch let problem as Problem {
      return .failure(ExampleFailure(problems: problems + [problem], reason: problem.message))
    } catch {
      return .failure(ExampleFailure(problems: problems, reason: "\(error)"))
    }
  }
}

/// Why an example could not run.
public struct ExampleFailure: Error, Sendable {
  /// The problems found in its data or rule.
  public var problems: [Problem]
  /// A summary.
  public var reason: String
}

extension Diagnostic {
  /// The diagnostic as the check's finding, without the rule.
  var finding: Finding {
    Finding(severity: severity, message: message, location: location, notes: notes)
  }
}
