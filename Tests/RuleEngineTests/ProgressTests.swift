import Foundation
import Testing

@testable import FactlintCLI

/// The progress line appears only after a second, and is cleared at the end.
@Suite struct ProgressTests {
  final class Clock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 0)
  }

  final class Sink: @unchecked Sendable {
    var text = ""
  }

  @Test func quietForTheFirstSecondThenCounts() {
    let clock = Clock()
    let sink = Sink()
    let progress = Progress(write: { sink.text += $0 }, now: { clock.now })
    progress.update(1, of: 10)
    #expect(sink.text == "")
    clock.now = Date(timeIntervalSince1970: 1.5)
    progress.update(2, of: 10)
    #expect(sink.text == "\rfactlint: 2/10 files")
    progress.finish()
    #expect(sink.text.hasSuffix("\r\u{1B}[K"))
  }

  @Test func aQuickRunPrintsNothing() {
    let sink = Sink()
    let progress = Progress(write: { sink.text += $0 }, now: { Date(timeIntervalSince1970: 0) })
    progress.update(1, of: 2)
    progress.finish()
    #expect(sink.text == "")
  }
}
