import RuleEngine

// schema/data.schema.json: the JSON Schema of data files.

extension GeneratedFiles {
  /// A YAML data file: figures, exchange rates and aliases.
  static let dataSchema: JSONNode = merged(
    header(
      "data", title: "factlint data file",
      description: "Figures as they were reported, with exchange rates and aliases."),
    [
      "type": "object",
      "properties": [
        "entity": ["description": "The entity of the figures that name none.", "type": "string"],
        "segment": ["description": "The segment of the figures that name none.", "type": "string"],
        "source": [
          "description": "Where the figures come from, unless they say.", "type": "string",
        ],
        "figures": [
          "description": "The figures, each as it was written.",
          "type": "array",
          "items": ["$ref": "#/$defs/figure"],
        ],
        "currency": [
          "description": "The currency of table cells that give none, as an ISO code or a symbol.",
          "type": "string",
        ],
        "scale": [
          "description": "The scale of table cells that give none: thousands, millions, billions.",
          "type": "string",
        ],
        "tables": [
          "description":
            "Figures laid out as reports print them: a row per line item, a column per period.",
          "type": "array",
          "items": ["$ref": "#/$defs/table"],
        ],
        "rates": oneOrList("Exchange rates for checking conversions.", ["$ref": "#/$defs/rate"]),
        "aliases": [
          "description": "Other names of entities and metrics, used to read articles.",
          "type": "object",
          "properties": [
            "entities": aliasTable("Each entity's other names, by its name in the data."),
            "metrics": aliasTable("Each metric's other names, by its name in the data."),
          ],
          "additionalProperties": false,
        ],
      ],
      "additionalProperties": false,
      "$defs": [
        "figure": figure,
        "table": table,
        "change": change,
        "rate": [
          "description": "An exchange rate: `$1 = RMB 7.1348`, `USD/CNY 7.1348`, or a mapping.",
          "anyOf": [
            ["type": "string", "minLength": 1],
            [
              "type": "object",
              "properties": [
                "pair": [
                  "description": "The currencies as BASE/QUOTE ISO codes, such as USD/CNY.",
                  "type": "string",
                  "pattern": "^[A-Za-z]{3}/[A-Za-z]{3}$",
                ],
                "rate": [
                  "description": "Units of the quote currency per unit of the base.",
                  "type": ["number", "string"],
                ],
                "date": [
                  "description": "The day of the rate, as YYYY-MM-DD.",
                  "type": "string",
                  "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                ],
              ],
              "required": ["pair", "rate"],
              "additionalProperties": false,
            ],
          ],
        ],
      ],
    ])

  /// A report table: its columns' periods and its rows of cells as printed.
  static let table: JSONNode = [
    "description":
      "A table as a report prints it; each row is [label, cell, ...], one cell per column.",
    "type": "object",
    "properties": [
      "title": ["description": "What the table is, for readers.", "type": "string"],
      "entity": ["description": "The entity; defaults to the file's `entity`.", "type": "string"],
      "segment": ["description": "The segment; defaults to the file's.", "type": "string"],
      "source": ["description": "Where the figures come from.", "type": "string"],
      "currency": [
        "description": "The cells' currency; defaults to the file's.", "type": "string",
      ],
      "scale": ["description": "The cells' scale; defaults to the file's.", "type": "string"],
      "columns": [
        "description": "Each column's period, such as 2025, 2025-Q3 or FY2024.",
        "type": "array", "minItems": 1, "items": ["type": ["string", "integer"]],
      ],
      "rows": [
        "description": .string(
          "Rows of [label, cell, ...]: the label names the metric, a cell is written as printed "
            + "(1,234.5, (123) for a negative, — for none, a footnote marker such as (1) after it)."
        ),
        "type": "array",
        "items": [
          "type": "array", "minItems": 2, "items": ["type": ["string", "number", "null"]],
        ],
      ],
      "notes": [
        "description": "Footnotes by marker, kept with the figures they mark.",
        "type": "object", "additionalProperties": ["type": "string"],
      ],
    ],
    "required": ["columns", "rows"],
    "additionalProperties": false,
  ]

  /// One figure, with the changes and rate stated beside it.
  static let figure: JSONNode = [
    "description": "A figure: its key (entity, metric, period, segment) and value as written.",
    "type": "object",
    "properties": [
      "entity": ["description": "The entity; defaults to the file's `entity`.", "type": "string"],
      "metric": ["description": "What is measured, such as revenue.", "type": "string"],
      "period": [
        "description": "The period, such as 2017, 2017-H1, 2017-Q2, 2017-09, FY2024 or FY2024-Q1.",
        "type": ["string", "integer"],
      ],
      "segment": [
        "description": "The segment; defaults to the file's `segment`.", "type": "string",
      ],
      "value": [
        "description": "The value as written, such as 23.16 million units or RMB 6.4 billion.",
        "type": ["string", "number"],
      ],
      "change": [
        "description": "A change stated beside the figure, or a list of them.",
        "anyOf": [
          ["$ref": "#/$defs/change"],
          ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/change"]],
        ],
      ],
      "rate": [
        "description": "The exchange rate stated beside the figure.",
        "$ref": "#/$defs/rate",
      ],
      "source": ["description": "Where the figure comes from.", "type": "string"],
      "ignore": oneOrList(
        "Ids of the rules not to apply to this figure; needs a `reason`.",
        ["type": "string", "minLength": 1]),
      "reason": nonEmpty("Why the rules in `ignore` do not apply; only beside `ignore`."),
    ],
    "required": ["metric", "period", "value"],
    "dependentRequired": ["ignore": ["reason"], "reason": ["ignore"]],
    "additionalProperties": false,
  ]

  /// A change stated beside a figure.
  static let change: JSONNode = [
    "description": "A stated change and the period it compares with.",
    "type": "object",
    "properties": [
      "vs": [
        "description":
          "The base: previous quarter, previous year, year on year, ... or a period such as 2023.",
        "type": ["string", "integer"],
      ],
      "stated": [
        "description": "The change as written: +70%, +1.5 pp, doubled, 2.5x.",
        "type": ["string", "number"],
      ],
    ],
    "required": ["vs", "stated"],
    "additionalProperties": false,
  ]

  /// A table of names to their other names.
  static func aliasTable(_ description: String) -> JSONNode {
    [
      "description": .string(description),
      "type": "object",
      "additionalProperties": [
        "anyOf": [
          ["type": "string"],
          ["type": "array", "items": ["type": "string"]],
        ]
      ],
    ]
  }
}
