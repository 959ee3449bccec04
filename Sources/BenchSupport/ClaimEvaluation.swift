import FactlintModel

/// A hand label of a checkable claim in a published passage: its lines, its truth, its kind and
/// the figures it turns on. One line of a `.expect` file:
/// `LINE[|LINE...] ok|flag|error KIND [free words] [@ANCHOR ...]   [# comment]`.
public struct ClaimLabel: Sendable, Hashable {
  /// What a verdict on the claim must be.
  public enum Truth: String, Sendable {
    /// True as published: no error and no warning may land on its lines.
    case ok
    /// A slip: a warning or an error is right.
    case flag
    /// A slip: only an error is right.
    case error
  }

  /// The lines the claim is stated on.
  public var lines: Set<Int>
  /// Whether the claim is true, a slip to flag, or an error.
  public var truth: Truth
  /// growth, conversion, total, share or restatement.
  public var kind: String
  /// The figures the claim turns on, as written.
  public var anchors: [String]

  /// Reads a label line; comments, blank lines and malformed lines give nil.
  public init?(expectLine: Substring) {
    let content =
      expectLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      .first ?? ""
    let pieces = content.split(separator: "@", omittingEmptySubsequences: false)
    let fields = pieces[0].split(separator: " ")
    guard fields.count >= 3, let truth = Truth(rawValue: String(fields[1])) else { return nil }
    let lines = fields[0].split(separator: "|").compactMap { Int($0) }
    guard !lines.isEmpty else { return nil }
    self.lines = Set(lines)
    self.truth = truth
    self.kind = String(fields[2])
    self.anchors = pieces.dropFirst().map {
      $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }.filter { !$0.isEmpty }
  }

  /// Whether `claim` is of this label's kind, touches its lines and, when the label names
  /// anchors, involves one of them.
  public func isRead(by claim: Claim) -> Bool {
    let figures = claim.figures
    guard ClaimScore.kind(of: claim) == kind,
      figures.contains(where: { lines.contains($0.location.line) })
    else { return false }
    guard !anchors.isEmpty else { return true }
    return figures.contains { figure in
      let text = figure.quantity.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      return anchors.contains { $0 == text || $0.contains(text) || text.contains($0) }
    }
  }
}

/// How the verdicts on published passages compare with their labels: the claims read, the
/// diagnostics on true claims (false alarms), the slips caught.
public struct ClaimScore: Sendable {
  /// The passages scored.
  public var passages = 0
  /// The labelled claims.
  public var labels = 0
  /// The labelled claims that a claim read covers.
  public var read = 0
  /// The labelled slips.
  public var slips = 0
  /// The slips a diagnostic of the right severity reported.
  public var caught = 0
  /// Errors and warnings on a line whose claims are true or that has no label.
  public var falseAlarms: [String] = []
  /// Labelled claims that no claim read.
  public var unread: [String] = []
  /// Slips that no diagnostic of the right severity reported.
  public var missedSlips: [String] = []

  /// Nothing scored yet.
  public init() {}

  /// The share of labels read.
  public var readRate: Double { Double(read) / Double(max(1, labels)) }

  /// The label's word for a claim's kind.
  static func kind(of claim: Claim) -> String {
    switch claim {
    case .change: return "growth"
    case .conversion: return "conversion"
    case .composition: return "total"
    case .share: return "share"
    case .restatement: return "restatement"
    }
  }

  /// Adds one passage: its labels, the claims read from it and the diagnostics on it.
  public mutating func add(
    labels passageLabels: [ClaimLabel], claims: [Claim], diagnostics: [Diagnostic], name: String
  ) {
    passages += 1
    labels += passageLabels.count
    let alarms = diagnostics.filter { $0.severity == .error || $0.severity == .warning }
    for label in passageLabels {
      if claims.contains(where: label.isRead) {
        read += 1
      } else {
        let anchors = label.anchors.map { "@" + $0 }.joined(separator: " ")
        unread.append("\(name):\(label.lines.sorted()) \(label.kind) \(anchors)")
      }
      guard label.truth != .ok else { continue }
      slips += 1
      let caughtBy = alarms.contains {
        label.lines.contains($0.location.line) && (label.truth == .flag || $0.severity == .error)
      }
      if caughtBy {
        caught += 1
      } else {
        missedSlips.append("\(name):\(label.lines.sorted()) \(label.kind)")
      }
    }
    let slipLines = Set(passageLabels.filter { $0.truth != .ok }.flatMap(\.lines))
    for alarm in alarms where !slipLines.contains(alarm.location.line) {
      falseAlarms.append(
        "\(name):\(alarm.location.line): \(alarm.severity) \(alarm.message)")
    }
  }
}

/// The verdicts on paragraphs in which every error is almost surely a misreading.
public struct ParagraphAlarms: Sendable {
  /// The paragraphs checked.
  public var contexts = 0
  /// The errors reported, each as `name:line: message`.
  public var errors: [String] = []
  /// The warnings reported, each as `name:line: message`.
  public var warnings: [String] = []
  /// The claims read from the contexts' tables (their first `tableLines` lines).
  public var tableClaims = 0

  /// Nothing scored yet.
  public init() {}

  /// Adds one context's diagnostics, and counts its claims stated in its first `tableLines`
  /// lines.
  public mutating func add(
    diagnostics: [Diagnostic], claims: [Claim] = [], tableLines: Int = 0, name: String
  ) {
    contexts += 1
    tableClaims += claims.filter { $0.subject.location.line <= tableLines }.count
    for diagnostic in diagnostics {
      let line = "\(name):\(diagnostic.location.line): \(diagnostic.message)"
      switch diagnostic.severity {
      case .error: errors.append(line)
      case .warning: warnings.append(line)
      default: break
      }
    }
  }
}

/// How the verdicts on the corpus compare with its labels: no error on a true claim, each
/// planted error reported on its line, no error where nothing was planted.
public struct PlantedScore: Sendable {
  /// The true claims labelled.
  public var trueClaims = 0
  /// The planted errors.
  public var planted = 0
  /// The planted errors reported on their line.
  public var reported = 0
  /// Errors on the line of a true claim that no planted error on the line explains.
  public var errorsOnTrueClaims: [String] = []
  /// Planted errors with no error or warning on their line.
  public var missed: [String] = []
  /// Errors on lines with no planted error.
  public var unexpectedErrors: [String] = []

  /// Nothing scored yet.
  public init() {}

  /// The share of planted errors reported.
  public var detection: Double { Double(reported) / Double(max(1, planted)) }

  /// Adds one article: `claims` are its labels' line and truth ("true" or the kind of slip).
  public mutating func add(
    claims: [(line: Int, truth: String, about: String)], diagnostics: [Diagnostic], name: String
  ) {
    let plantedLines = Set(claims.filter { $0.truth != "true" }.map(\.line))
    for claim in claims {
      let found = diagnostics.filter { $0.location.line == claim.line && $0.severity != .note }
      if claim.truth == "true" {
        trueClaims += 1
        if let error = found.first(where: { $0.severity == .error }),
          !plantedLines.contains(claim.line)
        {
          errorsOnTrueClaims.append("\(name):\(claim.line): \(error.message)")
        }
      } else {
        planted += 1
        if found.isEmpty {
          missed.append("\(name):\(claim.line) \(claim.truth) \(claim.about)")
        } else {
          reported += 1
        }
      }
    }
    for diagnostic in diagnostics
    where diagnostic.severity == .error && !plantedLines.contains(diagnostic.location.line) {
      unexpectedErrors.append("\(name):\(diagnostic.location.line): \(diagnostic.message)")
    }
  }
}
