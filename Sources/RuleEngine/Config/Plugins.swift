import FactlintModel
import FactlintYAML
import Foundation

/// An external check: a command that reads a rule and its figures as JSON on standard input
/// and writes diagnostics as JSON on standard output. See docs/plugins.md.
public struct PluginSpec: Sendable, Hashable {
  /// The id rules use in `check:`.
  public var id: String
  /// The program and its arguments; a command given as one string runs through `/bin/sh -c`.
  public var command: [String]
  /// Seconds the plugin may run before it is stopped.
  public var timeout: Double
  /// Where the plugin was declared; its command runs in that file's folder.
  public var location: SourceLocation

  static let keys = ["id", "command", "timeout"]

  /// The longest a plugin may be given to run, in seconds: every run ends.
  public static let timeoutLimit = 600.0

  /// Reads a `plugins:` list.
  static func list(_ node: YAMLNode, file: String) throws(Problem) -> [PluginSpec] {
    guard let items = node.sequence else {
      throw Problem(
        .wrongType(key: "plugins", expected: "a list", found: node.kindName),
        at: YAMLFields.location(node, file))
    }
    var specs: [PluginSpec] = []
    for item in items {
      let fields = try YAMLFields(item, file: file, context: "a plugin", allowed: keys)
      let (id, idNode) = try fields.requiredText("id")
      let commandNode = try fields.required("command")
      let command: [String]
      if let text = commandNode.scalar {
        command = ["/bin/sh", "-c", text]
      } else {
        command = try fields.list("command")?.map(\.0) ?? []
      }
      guard !command.isEmpty else {
        throw Problem(.emptyValue(key: "command"), at: fields.location(commandNode))
      }
      var timeout = 10.0
      if let (text, node) = try fields.text("timeout") {
        guard let seconds = Double(text), seconds.isFinite, seconds > 0,
          seconds <= timeoutLimit
        else {
          throw Problem(
            .wrongType(
              key: "timeout", expected: "a number of seconds from 0 to \(Int(timeoutLimit))",
              found: "'\(text)'"),
            at: fields.location(node))
        }
        timeout = seconds
      }
      specs.append(
        PluginSpec(id: id, command: command, timeout: timeout, location: fields.location(idNode)))
    }
    return specs
  }
}

/// A rule whose check is a plugin: it sends the rule and the figures it selects to the plugin.
public struct PluginCheck: Check {
  /// Plugins document themselves in their own repository; this is what `explain` can say.
  public static let description = CheckDescription(
    id: "plugin", summary: "an external check run as a command (see docs/plugins.md)",
    details: "Declared under `plugins:` with an id and a command.", examples: [])

  /// The plugin.
  public let spec: PluginSpec
  /// The rule's parameters as JSON text, passed on unchanged.
  public let parametersJSON: String
  /// The rule's id.
  public let ruleID: String

  /// Plugins are built from `plugins:`, not from typed parameters.
  public init(parameters: Parameters) throws(ParameterError) {
    throw ParameterError("a plugin check is declared under 'plugins:'", at: parameters.ruleLocation)
  }

  /// A plugin rule.
  public init(spec: PluginSpec, parametersJSON: String, ruleID: String) {
    self.spec = spec
    self.parametersJSON = parametersJSON
    self.ruleID = ruleID
  }

  /// A plugin runs its command.
  public var runsAnotherProgram: Bool { true }

  /// The plugin's findings; none when it fails: the engine runs plugins through
  /// ``run(_:in:)``, so that a failure is reported.
  public func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding] {
    (try? run(selection, in: dataset).get()) ?? []
  }

  /// Runs the plugin over the selection: its findings, or a problem naming the plugin.
  public func run(_ selection: Selection, in dataset: Dataset) -> Result<[Finding], Problem> {
    let input = Self.request(
      rule: ruleID, check: spec.id, parameters: parametersJSON, figures: selection.figures)
    let output: Data
    let folder = SourceFiles.folder(of: spec.location.file)
    switch ProcessRunner.run(
      spec.command, input: Data(input.utf8), timeout: spec.timeout, folder: folder,
      environment: Self.environment(ProcessInfo.processInfo.environment))
    {
    case .failure(let failure):
      return .failure(Problem(.plugin(id: spec.id, problem: failure.message), at: spec.location))
    case .success(let data):
      output = data
    }
    do {
      return .success(try Self.findings(from: output))
    } catch {
      return .failure(
        Problem(
          .plugin(id: spec.id, problem: "printed invalid JSON (\(error.reason))"),
          at: spec.location))
    }
  }

  /// The variables a plugin is given: enough to find programs and read text, never the
  /// secrets a CI job holds in its environment.
  static let environmentAllowlist = ["PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ"]

  /// `environment` cut down to the allowlist.
  static func environment(_ environment: [String: String]) -> [String: String] {
    environment.filter { environmentAllowlist.contains($0.key) }
  }

  /// The JSON sent on standard input.
  static func request(rule: String, check: String, parameters: String, figures: [Figure])
    -> String
  {
    let json = JSONWriter()
    json.object {
      json.field("version", 1)
      json.field("rule") {
        json.object {
          json.field("id", rule)
          json.field("check", check)
          json.field("parameters") { json.value(parameters) }
        }
      }
      json.field("figures") {
        json.array(figures) { figure in
          let range = figure.quantity.range(.rounded)
          json.object {
            json.field("entity", figure.key.entity)
            json.field("metric", figure.key.metric)
            json.field("period", figure.key.period.description)
            json.field("segment", figure.key.segment)
            json.field("text", figure.quantity.text)
            json.field("value", figure.quantity.value.description)
            json.field("unit", figure.quantity.unit.kindName)
            if case .currency(let code) = figure.quantity.unit {
              json.field("currency", code)
            } else {
              json.field("currency", nil as String?)
            }
            json.field("low", range.low?.description)
            json.field("high", range.high?.description)
            json.location(figure.location)
          }
        }
      }
    }
    return json.text + "\n"
  }

  struct OutputError: Error {
    var reason: String
  }

  /// Reads `{"diagnostics": [{"file", "line", "column", "severity", "message", "notes"}]}`.
  static func findings(from data: Data) throws(OutputError) -> [Finding] {
    guard let object = try? JSONSerialization.jsonObject(with: data) else {
      throw OutputError(reason: "not JSON")
    }
    guard let root = object as? [String: Any], let items = root["diagnostics"] as? [Any] else {
      throw OutputError(reason: "no \"diagnostics\" list")
    }
    var findings: [Finding] = []
    for item in items {
      guard let entry = item as? [String: Any], let message = entry["message"] as? String,
        let location = location(entry)
      else {
        throw OutputError(reason: "a diagnostic needs file, line, column and message")
      }
      let severityText = entry["severity"] as? String ?? "error"
      guard let severity = Severity(rawValue: severityText) else {
        throw OutputError(reason: "unknown severity '\(severityText)'")
      }
      var notes: [Note] = []
      for note in entry["notes"] as? [Any] ?? [] {
        guard let fields = note as? [String: Any], let text = fields["message"] as? String,
          let at = self.location(fields)
        else { throw OutputError(reason: "a note needs file, line, column and message") }
        notes.append(Note(location: at, message: text))
      }
      findings.append(
        Finding(
          severity: severity, message: message, location: location, notes: notes,
          identity: [message]))
    }
    return findings
  }

  static func location(_ fields: [String: Any]) -> SourceLocation? {
    guard let file = fields["file"] as? String, let line = fields["line"] as? Int,
      let column = fields["column"] as? Int, line >= 1, column >= 1
    else { return nil }
    return SourceLocation(file: file, line: line, column: column)
  }
}

extension Wording {
  /// `10 s`, `2.5 s`.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
