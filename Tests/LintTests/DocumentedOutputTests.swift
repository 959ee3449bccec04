import FactlintTestSupport
import Foundation
import Testing

/// The outputs the README and docs/ show, run and compared so they cannot go stale.
///
/// A block is checked when the line before its opening fence reads
/// `<!-- output of: factlint ARGUMENTS -->`: its text must be what `factlint ARGUMENTS`, run in
/// the package's folder, prints on standard output. To rewrite the blocks after an intended
/// change of output, run `FACTLINT_UPDATE_GOLDEN=1 swift test --filter DocumentedOutputTests`.
@Suite struct DocumentedOutputTests {
  static let marker = "<!-- output of: factlint "

  /// A checked block: the command's arguments and the lines of the block between its fences.
  struct Block {
    var arguments: [String]
    var markerLine: Int
    var lines: Range<Int>
  }

  static func blocks(in lines: [String]) -> [Block] {
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      guard line.hasPrefix(marker), line.hasSuffix(" -->"), index < lines.count,
        lines[index].hasPrefix("```")
      else { continue }
      let command = line.dropFirst(marker.count).dropLast(" -->".count)
      let start = index + 1
      var end = start
      while end < lines.count, lines[end] != "```" { end += 1 }
      blocks.append(
        Block(
          arguments: command.split(separator: " ").map(String.init), markerLine: index,
          lines: start..<end))
      index = end + 1
    }
    return blocks
  }

  static let documents = ["README.md", "docs/output.md"]

  @Test(arguments: documents)
  func shownOutputIsWhatFactlintPrints(_ document: String) throws {
    let file = BinaryRunner.packageRoot.appendingPathComponent(document)
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    let blocks = Self.blocks(in: lines)
    #expect(!blocks.isEmpty, "\(document) has no block marked '\(Self.marker)…-->'")
    let update = ProcessInfo.processInfo.environment["FACTLINT_UPDATE_GOLDEN"] != nil
    // From the last block up, so that rewriting one leaves the earlier ones' lines in place.
    for block in blocks.reversed() {
      let run = try BinaryRunner.run(block.arguments)
      #expect(!run.crashed && !run.timedOut && run.status < 2, "\(run.errors)")
      var printed = run.output.components(separatedBy: "\n")
      if printed.last == "" { printed.removeLast() }
      if update {
        lines.replaceSubrange(block.lines, with: printed)
        continue
      }
      let shown = Array(lines[block.lines])
      #expect(
        shown == printed,
        """
        \(document):\(block.markerLine): the block differs from what 'factlint \
        \(block.arguments.joined(separator: " "))' prints; if the change is intended, rewrite \
        it with FACTLINT_UPDATE_GOLDEN=1 swift test --filter DocumentedOutputTests
        """)
    }
    if update {
      try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
  }

  @Test func aMarkedBlockIsFound() {
    let lines = [
      "text", "<!-- output of: factlint rules/ --format json -->", "```json", "{", "}", "```",
      "<!-- output of: factlint checks -->", "not a fence",
    ]
    let blocks = Self.blocks(in: lines)
    #expect(blocks.count == 1)
    #expect(blocks.first?.arguments == ["rules/", "--format", "json"])
    #expect(blocks.first?.lines == 3..<5)
  }
}
