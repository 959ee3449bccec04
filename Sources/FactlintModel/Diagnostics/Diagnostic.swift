/// A place in an input file: its path as the user would write it, and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
  /// The file's path, relative to the current folder when it lies below it.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, counted in characters.
  public var column: Int
  /// How many characters the located text spans on its line, for underlining; at least 1.
  public var length: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int, length: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
    self.length = max(1, length)
  }

  /// Creates the location of a YAML mark in `file`.
  public init(file: String, mark: Mark, length: Int = 1) {
    self.init(file: file, line: mark.line, column: mark.column, length: length)
  }

  /// Orders by file, line, then column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

extension SourceLocation: CustomStringConvertible {
  /// `path:line:column`; a database row, `postgres://host/db/table?id=7`.
  public var description: String {
    isRecord ? "\(file)?id=\(line)" : "\(file):\(line):\(column)"
  }
}

extension SourceLocation {
  /// The location of a database row: `source` names the table (`postgres://host:5432/db/table`)
  /// and the row's id stands in the line, so that rows sort in their id's order; `column` is the
  /// position of the column read.
  public static func record(in source: String, id: Int, column: Int = 1) -> SourceLocation {
    SourceLocation(file: source, line: id, column: column)
  }

  /// Whether the location is a database row rather than a place in a file.
  public var isRecord: Bool { file.contains("://") }
}

/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
  /// Not a violation: a claim that could not be checked, shown with `--show-unverified`.
  case note
  /// Consistent under some reasonable reading, but not under strict rounding.
  case warning
  /// Inconsistent under every reasonable reading.
  case error

  /// Notes sort before warnings, warnings before errors.
  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }
}

/// A message attached to another place involved in a finding: a figure a verdict used.
public struct Note: Sendable, Hashable {
  /// Where the figure was written.
  public var location: SourceLocation
  /// What the figure contributed.
  public var message: String

  /// Creates a note.
  public init(location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }
}

/// An edit that would make a finding's claim agree: the figure written as `written` at `location`
/// written as `text` instead, in the writer's notation and precision.
public struct Replacement: Sendable, Hashable {
  /// Where the figure to replace was written.
  public var location: SourceLocation
  /// The figure as written, which an editor's text must still hold for the edit to apply.
  public var written: String
  /// The figure that would agree.
  public var text: String

  /// Creates a replacement.
  public init(location: SourceLocation, written: String, text: String) {
    self.location = location
    self.written = written
    self.text = text
  }
}

/// What a check found, before the engine attaches the rule.
public struct Finding: Sendable, Hashable {
  /// Error when the claim fails under every reading, warning when only under strict rounding.
  public var severity: Severity
  /// Lower case; names the figures and shows the arithmetic.
  public var message: String
  /// Where the claim was written.
  public var location: SourceLocation
  /// The other figures the verdict used.
  public var notes: [Note]
  /// Text that identifies the claim independently of line numbers: the figures as written.
  public var identity: [String]
  /// The key of the figure the claim is about, for suppressions that select by key.
  public var key: FigureKey?
  /// A figure written so that the claim would agree, when the check found one.
  public var replacement: Replacement?

  /// Creates a finding.
  public init(
    severity: Severity, message: String, location: SourceLocation, notes: [Note] = [],
    key: FigureKey? = nil, identity: [String] = []
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
    self.identity = identity
    self.key = key
  }
}

/// A violation reported to the user: a finding with the rule that produced it.
public struct Diagnostic: Sendable, Hashable {
  /// The rule's id.
  public var ruleID: String
  /// The id of the check kind the rule uses.
  public var checkID: String
  /// The severity after the rule's own severity is applied.
  public var severity: Severity
  /// The message.
  public var message: String
  /// Where the claim was written.
  public var location: SourceLocation
  /// The other figures involved.
  public var notes: [Note]
  /// A hash of the rule, the file and the figures' text, stable across edits elsewhere.
  public var fingerprint: String
  /// The key of the figure the claim is about, when known.
  public var key: FigureKey?
  /// A figure written so that the claim would agree, when the check found one.
  public var replacement: Replacement?

  /// Creates a diagnostic from a check's finding under a rule.
  public init(finding: Finding, ruleID: String, checkID: String, severity: Severity) {
    self.ruleID = ruleID
    self.checkID = checkID
    self.severity = severity
    self.message = finding.message
    self.location = finding.location
    self.notes = finding.notes
    self.key = finding.key
    self.replacement = finding.replacement
    let identity = [ruleID, finding.location.file] + finding.identity
    self.fingerprint = Fingerprint.of(identity.isEmpty ? [finding.message] : identity)
  }
}

/// A stable 64-bit FNV-1a hash printed as 16 hex digits.
enum Fingerprint {
  static func of(_ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      for byte in part.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
      hash ^= 0xff
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
