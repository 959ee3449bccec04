import Foundation
import Testing

@testable import FactlintCLI

/// Standard output and error are written whole, or the writer says it could not.
@Suite struct TerminalTests {
  @Test func writesAllOfALongTextThroughAPipe() async throws {
    let pipe = Pipe()
    let text = String(repeating: "0123456789 figures\n", count: 20_000)
    let reader = Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }
    #expect(Terminal.write(text, to: pipe.fileHandleForWriting.fileDescriptor))
    try pipe.fileHandleForWriting.close()
    #expect(String(decoding: await reader.value, as: UTF8.self) == text)
  }

  @Test func aDescriptorThatRefusesTheTextIsReported() {
    #expect(!Terminal.write("lost", to: -1))
  }
}
