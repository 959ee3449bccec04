import FactlintModel
import Foundation

/// File name patterns for articles: `*` matches within a folder name, `**` any number of
/// folders, `?` one character.
enum Glob {
  /// The files below `folder` whose path relative to it matches `pattern`, sorted, written
  /// relative to the current folder; links below it are followed within `roots`.
  static func files(
    matching pattern: String, in folder: String, within roots: [String],
    problems: inout [Problem]
  ) -> [String] {
    let patternParts = pattern.split(separator: "/").map { Array(String($0)) }
    return SourceFiles.files(in: folder, within: roots, problems: &problems)
      .filter { match(patternParts, $0.split(separator: "/").map { Array(String($0)) }) }
      .map { SourceFiles.join(folder, $0) }
      .sorted()
  }

  /// Whether a path's names match the pattern's, `**` standing for any number of names.
  static func match(_ pattern: [[Character]], _ path: [[Character]]) -> Bool {
    wildcard(pattern, path, isStar: { $0 == ["*", "*"] }, matches: matchName)
  }

  /// Whether one name matches a pattern with `*` (any characters) and `?` (one).
  static func matchName(_ pattern: [Character], _ name: [Character]) -> Bool {
    wildcard(pattern, name, isStar: { $0 == "*" }, matches: { $0 == "?" || $0 == $1 })
  }

  /// Wildcard matching without recursion or backtracking blow-up: on a mismatch, only the
  /// latest star is retried one element further, which is enough when a star matches any run.
  /// At most pattern length times subject length steps.
  static func wildcard<Element>(
    _ pattern: [Element], _ subject: [Element], isStar: (Element) -> Bool,
    matches: (Element, Element) -> Bool
  ) -> Bool {
    var p = 0
    var s = 0
    var star: (pattern: Int, subject: Int)?
    while s < subject.count {
      if p < pattern.count, isStar(pattern[p]) {
        star = (p, s)
        p += 1
      } else if p < pattern.count, matches(pattern[p], subject[s]) {
        p += 1
        s += 1
      } else if let last = star {
        star = (last.pattern, last.subject + 1)
        p = last.pattern + 1
        s = last.subject + 1
      } else {
        return false
      }
    }
    while p < pattern.count, isStar(pattern[p]) { p += 1 }
    return p == pattern.count
  }
}
