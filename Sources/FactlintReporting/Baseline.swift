import FactlintModel
import Foundation
import RuleEngine

/// Today's violations, recorded so that only new ones are reported: for adopting factlint on an
/// existing archive. Entries match by fingerprint (rule, file, the figures as written), so they
/// survive edits elsewhere in a file; entries that match nothing any more are reported as stale.
public struct Baseline: Sendable {
  /// One recorded violation.
  struct Entry: Sendable {
    var rule: String
    var file: String
    var fingerprint: String
    var message: String
    var line: Int
  }

  /// The baseline file.
  let path: String
  let entries: [Entry]

  /// Writes `diagnostics` (notes aside) as a baseline, sorted so that it diffs well.
  public static func write(_ diagnostics: [Diagnostic], to path: String) throws(Problem) {
    let json = JSONWriter()
    let recorded = diagnostics.filter { $0.severity != .note }.sorted {
      ($0.location.file, $0.ruleID, $0.fingerprint) < ($1.location.file, $1.ruleID, $1.fingerprint)
    }
    json.object {
      json.field("version", 1)
      json.field("entries") {
        json.array(recorded) { diagnostic in
          json.object {
            json.field("rule", diagnostic.ruleID)
            json.field("file", diagnostic.location.file)
            json.field("fingerprint", diagnostic.fingerprint)
            json.field("message", diagnostic.message)
          }
        }
      }
    }
    try OutputFile.write(json.text + "\n", to: path)
  }

  /// Reads a baseline written by ``write(_:to:)``.
  public static func read(_ path: String) throws(Problem) -> Baseline {
    let bytes = try SourceFiles.read(path)
    let start = SourceLocation(file: path, line: 1, column: 1)
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
      let root = object as? [String: Any], root["version"] as? Int == 1,
      let items = root["entries"] as? [[String: Any]]
    else {
      throw Problem(.invalidBaseline("expected {\"version\": 1, \"entries\": [...]}"), at: start)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var entries: [Entry] = []
    for item in items {
      guard let rule = item["rule"] as? String, let file = item["file"] as? String,
        let fingerprint = item["fingerprint"] as? String
      else {
        throw Problem(.invalidBaseline("an entry needs rule, file and fingerprint"), at: start)
      }
      // The entry's line, so a stale entry is reported where it can be deleted.
      let line = (lines.firstIndex { $0.contains("\"\(fingerprint)\"") } ?? 0) + 1
      entries.append(
        Entry(
          rule: rule, file: file, fingerprint: fingerprint,
          message: item["message"] as? String ?? "", line: line))
    }
    return Baseline(path: path, entries: entries)
  }

  /// The diagnostics the baseline does not hold, and a warning for every stale entry.
  public func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var remaining: [String: [Int]] = [:]
    for (index, entry) in entries.enumerated() {
      remaining[entry.rule + "\u{0}" + entry.fingerprint, default: []].append(index)
    }
    var kept: [Diagnostic] = []
    for diagnostic in diagnostics {
      let key = diagnostic.ruleID + "\u{0}" + diagnostic.fingerprint
      if diagnostic.severity != .note, var matches = remaining[key], !matches.isEmpty {
        matches.removeFirst()
        remaining[key] = matches
      } else {
        kept.append(diagnostic)
      }
    }
    let stale = remaining.values.flatMap { $0 }.sorted().map { entries[$0] }
    for entry in stale {
      let finding = Finding(
        severity: .warning,
        message:
          "baseline entry for '\(entry.rule)' in \(entry.file) matches no violation any more; "
          + "remove it (or write the baseline again)",
        location: SourceLocation(file: path, line: entry.line, column: 1),
        identity: [entry.fingerprint])
      kept.append(
        Diagnostic(
          finding: finding, ruleID: "stale-baseline", checkID: "baseline", severity: .warning))
    }
    return kept
  }
}

/// The lines changed since a git revision, for reviewing a pull request.
public struct ChangedLines: Sendable {
  /// Changed line numbers by path relative to the current folder.
  let lines: [String: Set<Int>]
  /// Files git does not track yet: every line is new.
  let untracked: Set<String>

  /// Whether the diagnostic is on a changed line.
  public func contains(_ diagnostic: Diagnostic) -> Bool {
    let file = SourceFiles.normalize(diagnostic.location.file)
    return untracked.contains(file) || lines[file]?.contains(diagnostic.location.line) == true
  }

  /// Asks git for the lines changed since `revision` in the working tree.
  public static func since(_ revision: String) throws(Problem) -> ChangedLines {
    let at = SourceLocation(file: revision, line: 1, column: 1)
    // Outside a repository git diff would compare files instead, and print its usage.
    guard case .success(let inside) = git(["rev-parse", "--is-inside-work-tree"]),
      inside.hasPrefix("true")
    else {
      let folder = FileManager.default.currentDirectoryPath
      throw Problem(
        .notInRepository(revision: revision), at: SourceLocation(file: folder, line: 1, column: 1))
    }
    // After --end-of-options, a revision that starts with "-" is a revision, never an option.
    let diff = git([
      "diff", "--unified=0", "--no-color", "--relative", "--end-of-options", revision, "--",
    ])
    guard case .success(let output) = diff else {
      if case .failure(let failure) = diff {
        throw Problem(.badRevision(revision, detail: failure.message), at: at)
      }
      throw Problem(.badRevision(revision, detail: "git failed"), at: at)
    }
    var lines: [String: Set<Int>] = [:]
    var file: String?
    for line in output.split(separator: "\n") {
      if line.hasPrefix("+++ ") {
        let name = line.dropFirst(4)
        file = name == "/dev/null" ? nil : String(name.hasPrefix("b/") ? name.dropFirst(2) : name)
      } else if line.hasPrefix("@@"), let file, let added = hunkLines(line) {
        lines[file, default: []].formUnion(added)
      }
    }
    var untracked = Set<String>()
    if case .success(let status) = git(["ls-files", "--others", "--exclude-standard"]) {
      untracked = Set(status.split(separator: "\n").map { SourceFiles.normalize(String($0)) })
    }
    return ChangedLines(lines: lines, untracked: untracked)
  }

  /// The new-side lines of `@@ -a,b +c,d @@`.
  static func hunkLines(_ header: Substring) -> ClosedRange<Int>? {
    guard let plus = header.split(separator: " ").first(where: { $0.hasPrefix("+") }) else {
      return nil
    }
    let parts = plus.dropFirst().split(separator: ",")
    guard let start = Int(parts[0]) else { return nil }
    let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
    return count == 0 ? nil : start...(start + count - 1)
  }

  static func git(_ arguments: [String]) -> Result<String, ProcessRunner.Failure> {
    ProcessRunner.run(["git"] + arguments, input: Data(), timeout: 60).map {
      String(decoding: $0, as: UTF8.self)
    }
  }
}
