import RuleEngine

// schema/config.schema.json: the JSON Schema of .factlint.yml.

extension GeneratedFiles {
  /// `.factlint.yml`: what a bare `factlint` run reads and how it reports.
  static let configSchema: JSONNode = merged(
    header(
      "config", title: "factlint configuration",
      description: "The .factlint.yml file: the inputs of a run and how it reports."),
    [
      "type": "object",
      "properties": [
        "rules": stringOrList("The rule files or folders to evaluate."),
        "data": stringOrList("The data files or folders to check articles against."),
        "articles": stringOrList("Glob patterns of the articles to check."),
        "fail-on": [
          "description": "The lowest severity that fails the run.",
          "enum": ["error", "warning"],
        ],
        "format": [
          "description": "The output format, as with `--format`.",
          "enum": .array(Reporters.all.map { .string($0.id) }),
        ],
        "severity": [
          "description": "A severity for each rule, by rule id: error, warning or off.",
          "type": "object",
          "additionalProperties": [
            "enum": .array(RuleSeverity.allCases.map { .string($0.rawValue) })
          ],
        ],
        "disable": [
          "description": "Ids of the rules not to run.",
          "type": "array",
          "items": ["type": "string", "minLength": 1],
        ],
        "tolerance": [
          "description": "How loosely hedged figures are read, as percentages such as \"5%\".",
          "type": "object",
          "properties": [
            "about": [
              "description": "The tolerance of \"about\" and \"around\".", "type": "string",
            ],
            "nearly": [
              "description": "The tolerance of \"nearly\" and \"almost\".", "type": "string",
            ],
          ],
          "additionalProperties": false,
        ],
        "plugins": plugins,
        "baseline": [
          "description": "A file of known findings that are not reported again.",
          "type": "string",
        ],
        "databases": [
          "description": "Tables and queries of figures that `factlint db` checks in place.",
          "type": "array",
          "items": ["$ref": "#/$defs/database"],
        ],
      ],
      "additionalProperties": false,
      "$defs": ["plugin": plugin, "database": database],
    ])
}

extension GeneratedFiles {
  /// A `databases:` entry: where the figures are and which column holds what.
  static let database: JSONNode = [
    "type": "object",
    "properties": [
      "url": [
        "description":
          "postgres://user[:password]@host[:port]/database[?sslmode=MODE], or sqlite:PATH",
        "type": "string", "pattern": "^(postgres://|postgresql://|sqlite:)",
      ],
      "table": ["description": "The table, with its schema if needed.", "type": "string"],
      "query": ["description": "One SELECT whose rows are the figures.", "type": "string"],
      "columns": [
        "description": "The column each part of a figure is read from.",
        "type": "object",
        "properties": .object(
          DatabaseSource.Role.allCases.map { role -> (key: String, value: JSONNode) in
            (role.rawValue, ["type": "string", "minLength": 1])
          }),
        "required": .array(DatabaseSource.requiredRoles.map { .string($0.rawValue) }),
        "additionalProperties": false,
      ],
    ],
    "required": ["url", "columns"],
    "oneOf": [["required": ["table"]], ["required": ["query"]]],
    "additionalProperties": false,
  ]
}
