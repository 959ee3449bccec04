import RuleEngine

// schema/rules.schema.json: the JSON Schema of rule files.

extension GeneratedFiles {
  /// A rule file, with each registered check's parameters typed and no other keys allowed.
  static func rulesSchema(registry: CheckRegistry) -> JSONNode {
    let checks = registry.ids.compactMap { registry.check($0)?.description }
    let body: JSONNode = [
      "type": "object",
      "properties": [
        "data": stringOrList("The data files or folders to check, relative to this file."),
        "rules": [
          "description": "The rules to evaluate.",
          "type": "array",
          "items": ["$ref": "#/$defs/rule"],
        ],
        "ignore": oneOrList(
          "Findings to leave out, each with the reason.", ["$ref": "#/$defs/ignore"]),
        "plugins": plugins,
      ],
      "required": ["rules"],
      "additionalProperties": false,
      "$defs": [
        "rule": rule(checks),
        "selector": selector(signed: false),
        "signedSelector": selector(signed: true),
        "ignore": [
          "description": "Findings of one rule to leave out.",
          "type": "object",
          "properties": [
            "rule": [
              "description": "The id of the rule whose findings to leave out.", "type": "string",
            ],
            "where": [
              "description": "Which figures; without it, every finding of the rule.",
              "$ref": "#/$defs/selector",
            ],
            "reason": nonEmpty("Why the findings are wrong or do not matter."),
          ],
          "required": ["rule", "reason"],
          "additionalProperties": false,
        ],
        "plugin": plugin,
      ],
    ]
    return merged(
      header(
        "rules", title: "factlint rule file",
        description: "Rules that check the figures in data files against each other."),
      body)
  }

  /// A rule: the common keys, then the parameters of the check it names.
  static func rule(_ checks: [CheckDescription]) -> JSONNode {
    let severities =
      "error (the default) reports findings as the check rates them, warning reports them as "
      + "warnings, and off turns the rule off."
    let common: [String: JSONNode] = [
      "id": [
        "description": "The rule's id, unique across the run; diagnostics name it.",
        "type": "string",
        "minLength": 1,
      ],
      "check": [
        "description": "The check kind: a registered check, or the id of a plugin.",
        "type": "string",
        "examples": .array(checks.map { .string($0.id) }),
      ],
      "severity": [
        "description": .string(severities),
        "enum": .array(RuleSeverity.allCases.map { .string($0.rawValue) }),
      ],
      "where": [
        "description": "Which figures the rule applies to; without it, every figure.",
        "$ref": "#/$defs/selector",
      ],
      "description": [
        "description": "What the rule verifies, for people reading the file.",
        "type": "string",
      ],
    ]
    // The loader's list decides which keys every rule has, so the schema cannot drift from it.
    let properties = RuleLoader.commonRuleKeys.map { key in
      (key: key, value: common[key] ?? ["description": "A key every rule may have."])
    }
    // A plugin's parameters are its own, so only the registered checks close the set of keys.
    let branches = checks.map { check -> JSONNode in
      var then: [(key: String, value: JSONNode)] = []
      if !check.parameters.isEmpty {
        then.append(("properties", .object(check.parameters.map { ($0.name, parameter($0)) })))
      }
      let required = check.parameters.filter(\.isRequired).map { JSONNode.string($0.name) }
      if !required.isEmpty { then.append(("required", .array(required))) }
      let keys = RuleLoader.commonRuleKeys + check.parameters.map(\.name)
      then.append(("propertyNames", ["enum": .array(keys.map { .string($0) })]))
      return [
        "if": ["properties": ["check": ["const": .string(check.id)]], "required": ["check"]],
        "then": .object(then),
      ]
    }
    return [
      "description": "A rule: a check applied to the figures `where` selects.",
      "type": "object",
      "properties": .object(properties),
      "required": ["id", "check"],
      "allOf": .array(branches),
    ]
  }

  /// The schema of a check's parameter, by its kind.
  static func parameter(_ spec: ParameterSpec) -> JSONNode {
    let type: JSONNode
    switch spec.kind {
    case .selector:
      type = ["$ref": "#/$defs/selector"]
    case .selectors:
      type = ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/signedSelector"]]
    case .boolean:
      type = ["type": "boolean"]
    case .choice(let words):
      type = ["enum": .array(words.map { .string($0) })]
    case .quantity:
      type = ["type": ["string", "number"]]
    }
    return merged([("description", .string(spec.summary))], type)
  }

  /// A metric name, or a mapping of key parts; in a list of parts, either may subtract.
  static func selector(signed: Bool) -> JSONNode {
    var properties: [(key: String, value: JSONNode)] = [
      ("entity", ["description": "The entity, or one of its aliases.", "type": "string"]),
      ("metric", ["description": "The metric, or one of its aliases.", "type": "string"]),
      (
        "period",
        [
          "description": "The period, such as 2017, 2017-Q2, 2017-09 or FY2024.",
          "type": ["string", "integer"],
        ]
      ),
      (
        "segment",
        ["description": "The segment, such as a region or a product line.", "type": "string"]
      ),
    ]
    if signed {
      properties.append(
        (
          "sign",
          [
            "description": "`-` subtracts the part; `+` (the default) adds it.",
            "enum": ["+", "-"],
          ]
        )
      )
    }
    let name: JSONNode =
      signed
      ? [
        "description": "A metric name; a leading `-` subtracts it.", "type": "string",
        "minLength": 1,
      ]
      : ["description": "A metric name.", "type": "string", "minLength": 1]
    return [
      "description": .string(
        signed
          ? "A part: a metric name, or a mapping of entity, metric, period, segment and sign."
          : "Which figures: a metric name, or a mapping of entity, metric, period and segment."),
      "anyOf": [
        name,
        ["type": "object", "properties": .object(properties), "additionalProperties": false],
      ],
    ]
  }

  /// The `plugins` list of a rule file or a configuration.
  static let plugins: JSONNode = [
    "description": "Checks that run as external commands; a rule names one by its id.",
    "type": "array",
    "items": ["$ref": "#/$defs/plugin"],
  ]

  /// One plugin check.
  static let plugin: JSONNode = [
    "description": "A check that runs as an external command.",
    "type": "object",
    "properties": [
      "id": ["description": "The id rules name in `check:`.", "type": "string", "minLength": 1],
      "command": [
        "description": "The program to run: a command line, or the program and its arguments.",
        "anyOf": [
          ["type": "string", "minLength": 1],
          ["type": "array", "minItems": 1, "items": ["type": "string"]],
        ],
      ],
      "timeout": [
        "description": "Seconds to wait for the command before giving up.",
        "type": "number",
        "exclusiveMinimum": 0,
      ],
    ],
    "required": ["id", "command"],
    "additionalProperties": false,
  ]
}
