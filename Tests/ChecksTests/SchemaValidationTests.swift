import Checks
import FactlintModel
import FactlintReporting
import FactlintYAML
import Foundation
import RuleEngine
import Testing

/// Validates YAML against the generated schemas with python3's jsonschema: an independent
/// implementation of JSON Schema, so the schemas are tested as editors and CI will use them.
enum SchemaValidator {
  /// A YAML document and the schema it is checked against.
  struct Document {
    /// The YAML text; with `check`, the parameters of one rule of that check.
    var yaml: String
    /// The generated schema's path, such as `schema/data.schema.json`.
    var schema: String
    /// Wraps `yaml` into a rule file's only rule, with `id: example`, the way examples run.
    var check: String?
  }

  /// python3, PyYAML or jsonschema is missing, or the validator broke.
  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  /// Reads `[{"schema", "document", "check"}]` from the JSON file it is given and prints the
  /// errors of each document as a JSON list of lists; exits 1 when any document has errors.
  ///
  /// factlint reads every YAML scalar as text, so the loader drops YAML 1.1's dates and its
  /// on/off booleans, which would turn `date: 2024-08-21` and `severity: off` into other types.
  static let script = #"""
    import json, re, sys
    try:
        import jsonschema, yaml
    except ImportError as error:
        print(f"missing Python module: {error.name}")
        sys.exit(3)
    resolvers = yaml.SafeLoader.yaml_implicit_resolvers
    for first in list(resolvers):
        resolvers[first] = [(tag, regexp) for tag, regexp in resolvers[first]
                            if not tag.endswith((":bool", ":timestamp"))]
    yaml.SafeLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|yes|false|False|FALSE|no)$"), list("tTfFyn"))
    def messages(error, depth=0):
        # An anyOf error only says no branch matched; the reasons are in its context.
        path = "/".join(map(str, error.absolute_path)) or "(root)"
        yield "  " * depth + f"{path}: {error.message}"
        for reason in error.context:
            yield from messages(reason, depth + 1)
    results = []
    with open(sys.argv[1], encoding="utf-8") as payload:
        items = json.load(payload)
    for item in items:
        schema = json.loads(item["schema"])
        jsonschema.Draft202012Validator.check_schema(schema)
        document = yaml.safe_load(item["document"])
        if item.get("check"):
            document = {"rules": [{"id": "example", "check": item["check"], **(document or {})}]}
        errors = jsonschema.Draft202012Validator(schema).iter_errors(document)
        results.append([line for error in errors for line in messages(error)])
    print(json.dumps(results))
    sys.exit(1 if any(results) else 0)
    """#

  /// The errors of each document, in order; an empty list means it is valid. One python3 run
  /// checks them all, since starting python3 and importing jsonschema is the slow part.
  static func errors(_ documents: [Document]) throws -> [[String]] {
    let schemas = Dictionary(
      GeneratedFiles.all(registry: .builtin).map { ($0.path, $0.contents) }
    ) { $1 }
    let payload = try documents.map { document in
      guard let schema = schemas[document.schema] else {
        throw Unavailable(description: "no generated file \(document.schema)")
      }
      var item = ["schema": schema, "document": document.yaml]
      item["check"] = document.check
      return item
    }
    // A file rather than standard input: python3 may exit before reading, and writing to its
    // closed pipe would kill the test process with SIGPIPE.
    let payloadFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-schema-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: payload).write(to: payloadFile)
    defer { try? FileManager.default.removeItem(at: payloadFile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, payloadFile.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read standard error beside standard output, so neither pipe fills and blocks python3.
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    group.wait()
    let status = process.terminationStatus
    if status == 3 || status == 127 {
      let missing = status == 127 ? "python3 is not installed" : text
      throw Unavailable(
        description: "validating the schemas needs python3 with PyYAML and jsonschema ("
          + missing.trimmingCharacters(in: .whitespacesAndNewlines)
          + "): run `bash scripts/setup.sh`")
    }
    guard status == 0 || status == 1,
      let results = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String]],
      results.count == documents.count
    else {
      let stderr = String(decoding: errorData, as: UTF8.self)
      throw Unavailable(
        description: "the schema validator failed (status \(status)): \(text)\(stderr)")
    }
    return results
  }
}

/// A committed YAML file and the schema it must satisfy.
struct SampleFile {
  let path: String
  let schema: String

  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let all: [SampleFile] =
    yamlFiles(in: "rules").map { SampleFile(path: $0, schema: rulesSchema) }
    + (yamlFiles(in: "data") + ["Tests/LintTests/Fixtures/violations/data.yml"]).map {
      SampleFile(path: $0, schema: dataSchema)
    }
    + yamlFiles(in: "examples", recursively: true).map { path in
      // Told apart as factlint tells them apart: a file with `rules:` is a rule file.
      let text = (try? Data(contentsOf: root.appendingPathComponent(path))) ?? Data()
      let isRules = (try? YAMLParser.parse(Array(text))).flatMap { $0 }.map(RuleLoader.isRuleFile)
      return SampleFile(path: path, schema: isRules == true ? rulesSchema : dataSchema)
    }

  static let rulesSchema = "schema/rules.schema.json"
  static let dataSchema = "schema/data.schema.json"

  /// The `.yml` files in `folder`, as paths from the package root.
  static func yamlFiles(in folder: String, recursively: Bool = false) -> [String] {
    let url = root.appendingPathComponent(folder)
    let names =
      recursively
      ? (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? [])
      : ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    return names.filter { $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
  }
}

/// A document a schema must reject, and words its error must contain, so a typo in the case
/// cannot make it fail for the wrong reason.
struct InvalidDocument {
  let name: String
  let schema: String
  let yaml: String
  let error: String

  static let all: [InvalidDocument] = [
    InvalidDocument(
      name: "an unknown key in a rule", schema: "schema/rules.schema.json",
      yaml: "rules:\n  - { id: r, check: growth, colour: red }\n", error: "'colour'"),
    InvalidDocument(
      name: "a total rule with an unknown parameter", schema: "schema/rules.schema.json",
      yaml: """
        rules:
          - id: parts
            check: total
            total: { metric: revenue }
            parts: [china, -costs]
            weight: 2
        """,
      error: "'weight'"),
    InvalidDocument(
      name: "a rule without a check", schema: "schema/rules.schema.json",
      yaml: "rules:\n  - { id: r }\n", error: "'check' is a required property"),
    InvalidDocument(
      name: "an ignore entry without a reason", schema: "schema/rules.schema.json",
      yaml: "rules: []\nignore:\n  - { rule: stated-growth }\n",
      error: "'reason' is a required property"),
    InvalidDocument(
      name: "a figure without value", schema: "schema/data.schema.json",
      yaml: "figures:\n  - { entity: acme, metric: revenue, period: 2024 }\n",
      error: "'value' is a required property"),
    InvalidDocument(
      name: "a figure's ignore without reason", schema: "schema/data.schema.json",
      yaml: """
        figures:
          - { entity: acme, metric: revenue, period: 2024, value: 5m, ignore: [stated-growth] }
        """,
      error: "'reason' is a dependency of 'ignore'"),
    InvalidDocument(
      name: "a figure's reason without ignore", schema: "schema/data.schema.json",
      yaml: "figures:\n  - { entity: acme, metric: revenue, period: 2024, value: 5m, reason: x }\n",
      error: "'ignore' is a dependency of 'reason'"),
    InvalidDocument(
      name: "an unknown key in the configuration", schema: "schema/config.schema.json",
      yaml: "rules: rules/\nfail_on: warning\n", error: "'fail_on'"),
    InvalidDocument(
      name: "a database without a value column", schema: "schema/config.schema.json",
      yaml: """
        databases:
          - url: postgres://desk@127.0.0.1/warehouse
            table: figures
            columns: { id: id, entity: company, metric: item, period: period }
        """,
      error: "'value' is a required property"),
  ]
}

@Suite struct SchemaValidationTests {
  /// The committed sample rules and data, as users copy them.
  @Test func sampleFilesValidate() throws {
    #expect(SampleFile.all.contains { $0.path.hasPrefix("rules/") })
    #expect(SampleFile.all.contains { $0.path.hasPrefix("data/") })
    let documents = try SampleFile.all.map { sample in
      SchemaValidator.Document(
        yaml: try String(
          contentsOf: SampleFile.root.appendingPathComponent(sample.path), encoding: .utf8),
        schema: sample.schema)
    }
    for (sample, errors) in zip(SampleFile.all, try SchemaValidator.errors(documents))
    where !errors.isEmpty {
      Issue.record("\(sample.path) does not match \(sample.schema):\n\(lines(errors))")
    }
  }

  /// Every documented example, data and rule, reported at the example.
  @Test func examplesValidate() throws {
    let examples = ExampleCase.all
    #expect(!examples.isEmpty)
    let documents = examples.flatMap { testCase in
      [
        SchemaValidator.Document(yaml: testCase.example.data, schema: "schema/data.schema.json"),
        SchemaValidator.Document(
          yaml: testCase.example.rule, schema: "schema/rules.schema.json",
          check: testCase.check.description.id),
      ]
    }
    let results = try SchemaValidator.errors(documents)
    for (index, testCase) in examples.enumerated() {
      let example = testCase.example
      let location = Testing.SourceLocation(
        fileID: "Checks/" + (example.file.split(separator: "/").last.map(String.init) ?? ""),
        filePath: example.file, line: example.line, column: 1)
      for (part, errors) in zip(["data", "rule"], results[(2 * index)...].prefix(2))
      where !errors.isEmpty {
        Issue.record(
          "\(testCase.testDescription): the \(part) does not match its schema:\n\(lines(errors))",
          sourceLocation: location)
      }
    }
  }

  /// Keys beyond the rules, and a plugin's check, whose parameters are its own; a
  /// configuration with every key.
  @Test func pluginsIgnoresAndConfigurationValidate() throws {
    let rules = """
      data: ../data/xiaomi.yml
      plugins:
        - { id: headcount, command: checks/headcount.sh, timeout: 2.5 }
      rules:
        - { id: heads, check: headcount, severity: off, max-gap: 3 }
        - { id: parts, check: total, total: revenue, parts: [china, { segment: hk, sign: "-" }] }
      ignore:
        - { rule: heads, where: { entity: acme, period: 2024 }, reason: restated in 2025 }
      """
    let configuration = """
      rules: [rules/]
      data: data/
      articles: ["articles/**/*.md"]
      fail-on: warning
      format: json
      severity: { stated-growth: off, innovation-revenue-usd: warning }
      disable: [innovation-revenue-parts]
      tolerance: { about: 5%, nearly: 3% }
      plugins:
        - { id: headcount, command: [python3, checks/headcount.py], timeout: 10 }
      baseline: .factlint-baseline.json
      """
    let results = try SchemaValidator.errors([
      SchemaValidator.Document(yaml: rules, schema: "schema/rules.schema.json"),
      SchemaValidator.Document(yaml: configuration, schema: "schema/config.schema.json"),
    ])
    #expect(results == [[], []])
  }

  @Test func invalidDocumentsFail() throws {
    let results = try SchemaValidator.errors(
      InvalidDocument.all.map { SchemaValidator.Document(yaml: $0.yaml, schema: $0.schema) })
    for (document, errors) in zip(InvalidDocument.all, results) {
      if errors.isEmpty {
        Issue.record("the schema accepted \(document.name)")
      } else if !errors.contains(where: { $0.contains(document.error) }) {
        Issue.record("\(document.name) failed for another reason:\n\(lines(errors))")
      }
    }
  }

  private func lines(_ errors: [String]) -> String {
    errors.map { "  " + $0 }.joined(separator: "\n")
  }
}
