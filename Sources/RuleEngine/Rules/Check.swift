import FactlintModel

/// A kind of consistency check, added as a plugin: it documents itself, validates a rule's
/// parameters and turns the figures a rule selects into findings.
///
/// The engine knows checks only through this protocol and a ``CheckRegistry``.
public protocol Check: Sendable {
  /// The check's id, summary, parameters and examples; the examples also run as its tests.
  static var description: CheckDescription { get }

  /// Validates a rule's parameters, already read into typed values; throws with a location for
  /// a combination the types cannot express.
  init(parameters: Parameters) throws(ParameterError)

  /// Evaluates the figures and claims the rule's `where` selects, looking up others in `dataset`.
  func evaluate(_ selection: Selection, in dataset: Dataset) -> [Finding]

  /// Runs the check over a rule's selection: its findings, or a problem when the check could
  /// not run at all (a plugin that failed). The default evaluates.
  func run(_ selection: Selection, in dataset: Dataset) -> Result<[Finding], Problem>

  /// Whether the check runs another program (a plugin's command): such a rule runs only when
  /// the user allows it for the run. The default is false.
  var runsAnotherProgram: Bool { get }

  /// The kinds of claims the check judges; those of them the reader could not read in full
  /// are listed under the check's id by `--show-unverified`. The default is none.
  static var claimKinds: Set<Claim.Kind> { get }

  /// Notes, never errors, for `claims` the check judges but cannot check because a figure it
  /// needs is neither stated nor in `dataset`; listed by `--show-unverified`. The default is
  /// none.
  static func unverified(_ claims: [Claim], in dataset: Dataset) -> [Finding]

  /// What the rule asks of figures as a plan a database can run in place, or nil when the check
  /// runs only in memory. The default is nil.
  var inPlacePlan: InPlacePlan? { get }
}

/// A check's question put so that a database can answer it where the figures are: which
/// figures, with which others, fail under the strict reading. The check itself then judges the
/// few figures returned, so that verdicts and messages are those of a run in memory.
public enum InPlacePlan: Sendable, Hashable {
  /// Each figure `total` matches against its parts, the total's key with each part's names put
  /// in; `isPartial` for an "of which" list, whose sum must not exceed the total.
  case total(total: Selector, parts: [Selector], isPartial: Bool)
  /// Each figure against the first figure of its key and unit.
  case restatement
}

extension Check {
  /// The findings of ``evaluate(_:in:)``.
  public func run(_ selection: Selection, in dataset: Dataset) -> Result<[Finding], Problem> {
    .success(evaluate(selection, in: dataset))
  }

  /// Runs no other program.
  public var runsAnotherProgram: Bool { false }

  /// No claims of articles.
  public static var claimKinds: Set<Claim.Kind> { [] }

  /// No notes.
  public static func unverified(_ claims: [Claim], in dataset: Dataset) -> [Finding] { [] }

  /// Runs in memory only.
  public var inPlacePlan: InPlacePlan? { nil }
}

/// A check's documentation, shown by `factlint explain` and run as tests.
public struct CheckDescription: Sendable {
  /// The id rules name in `check:`.
  public var id: String
  /// One line: what the check verifies.
  public var summary: String
  /// A paragraph on how verdicts are reached.
  public var details: String
  /// The parameters a rule may give, beside `id`, `check`, `severity` and `where`.
  public var parameters: [ParameterSpec]
  /// Data and rules the check must pass or flag.
  public var examples: [CheckExample]

  /// Creates a description.
  public init(
    id: String, summary: String, details: String, parameters: [ParameterSpec] = [],
    examples: [CheckExample]
  ) {
    self.id = id
    self.summary = summary
    self.details = details
    self.parameters = parameters
    self.examples = examples
  }
}

/// A parameter a check accepts.
public struct ParameterSpec: Sendable {
  /// The type of value a parameter takes.
  public enum Kind: Sendable, Hashable {
    /// A mapping of `entity`, `metric`, `period`, `segment`, or a metric name.
    case selector
    /// A list of selectors, each optionally with `sign: -` (or a `-metric` name).
    case selectors
    /// `true` or `false`.
    case boolean
    /// One of the listed words.
    case choice([String])
    /// A figure such as `0.5%`.
    case quantity

    /// How the kind is described in errors and docs.
    public var name: String {
      switch self {
      case .selector: return "a selector (a mapping of entity, metric, period, segment)"
      case .selectors: return "a list of selectors"
      case .boolean: return "true or false"
      case .choice(let words): return "one of " + words.joined(separator: ", ")
      case .quantity: return "a figure"
      }
    }
  }

  /// The key in the rule.
  public var name: String
  /// Its type.
  public var kind: Kind
  /// Whether a rule must give it.
  public var isRequired: Bool
  /// One line on what it does.
  public var summary: String

  /// Creates a parameter.
  public init(_ name: String, _ kind: Kind, required: Bool = false, summary: String) {
    self.name = name
    self.kind = kind
    self.isRequired = required
    self.summary = summary
  }
}

/// A parameter's value, read into its declared type.
public enum ParameterValue: Sendable, Hashable {
  /// A selector.
  case selector(Selector)
  /// A list of selectors.
  case selectors([Selector])
  /// A boolean.
  case boolean(Bool)
  /// A word from a choice.
  case choice(String)
  /// A figure.
  case quantity(Quantity)
}

/// The parameters of one rule, typed and located.
public struct Parameters: Sendable {
  /// Each given parameter with where its value was written.
  public var values: [String: (value: ParameterValue, location: SourceLocation)]
  /// Where the rule starts.
  public var ruleLocation: SourceLocation

  /// Creates parameters.
  public init(
    values: [String: (value: ParameterValue, location: SourceLocation)] = [:],
    ruleLocation: SourceLocation
  ) {
    self.values = values
    self.ruleLocation = ruleLocation
  }

  /// Where parameter `name` was written, or the rule when it was not.
  public func location(_ name: String) -> SourceLocation { values[name]?.location ?? ruleLocation }

  /// A selector parameter.
  public func selector(_ name: String) -> Selector? {
    if case .selector(let value)? = values[name]?.value { return value }
    return nil
  }

  /// A list-of-selectors parameter.
  public func selectors(_ name: String) -> [Selector]? {
    if case .selectors(let value)? = values[name]?.value { return value }
    return nil
  }

  /// A boolean parameter.
  public func boolean(_ name: String) -> Bool? {
    if case .boolean(let value)? = values[name]?.value { return value }
    return nil
  }

  /// A choice parameter.
  public func choice(_ name: String) -> String? {
    if case .choice(let value)? = values[name]?.value { return value }
    return nil
  }

  /// A figure parameter.
  public func quantity(_ name: String) -> Quantity? {
    if case .quantity(let value)? = values[name]?.value { return value }
    return nil
  }
}

/// A rule's parameters that fit their types but not each other.
public struct ParameterError: Error, Sendable, Equatable {
  /// Lower case; says what to change.
  public var message: String
  /// Where to change it.
  public var location: SourceLocation

  /// Creates an error.
  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }
}

/// Data and a rule that a check must pass, or flag with a given severity and message.
public struct CheckExample: Sendable {
  /// What the check must conclude.
  public enum Expectation: Sendable, Hashable {
    /// No finding.
    case passes
    /// Exactly one finding, of this severity, whose message contains this text.
    case flags(Severity, String)
  }

  /// The mark written in a flagging example's data just before the place its finding must
  /// point at, as SwiftLint's examples mark theirs; it is not part of the data.
  public static let marker: Unicode.Scalar = "\u{2193}"

  /// A data file's YAML, without the marker.
  public var data: String
  /// Where the markers stood in ``data`` (1-based lines and columns in Unicode scalars): a
  /// flagging example has one, at its finding.
  public var marks: [Mark]
  /// The rule's parameters as YAML (a mapping; `where` allowed), without `id` and `check`.
  public var rule: String
  /// What the check must conclude.
  public var expectation: Expectation
  /// Where the example was written, so a failing example is reported there.
  public var file: String
  /// The example's line.
  public var line: Int

  /// Creates an example; `file` and `line` default to the caller's.
  public init(
    data: String, rule: String = "{}", _ expectation: Expectation,
    file: String = #filePath, line: Int = #line
  ) {
    (self.data, self.marks) = Self.unmarked(data)
    self.rule = rule
    self.expectation = expectation
    self.file = file
    self.line = line
  }
}

extension CheckExample {
  /// `data` without its markers, and where each stood.
  static func unmarked(_ data: String) -> (String, [Mark]) {
    var scalars = String.UnicodeScalarView()
    var marks: [Mark] = []
    var (line, column) = (1, 1)
    for scalar in data.unicodeScalars {
      if scalar == marker {
        marks.append(Mark(line: line, column: column))
        continue
      }
      scalars.append(scalar)
      if scalar == "\n" {
        (line, column) = (line + 1, 1)
      } else {
        column += 1
      }
    }
    return (String(scalars), marks)
  }
}

/// The check kinds a run knows, by id.
public struct CheckRegistry: Sendable {
  /// The registered check types, in registration order.
  public let checks: [any Check.Type]
  private let byID: [String: any Check.Type]

  /// Registers `checks`; a later check with the same id replaces an earlier one.
  public init(_ checks: [any Check.Type]) {
    self.checks = checks
    var byID: [String: any Check.Type] = [:]
    for check in checks { byID[check.description.id] = check }
    self.byID = byID
  }

  /// The check with `id`.
  public func check(_ id: String) -> (any Check.Type)? { byID[id] }

  /// Every id, sorted.
  public var ids: [String] { byID.keys.sorted() }
}
