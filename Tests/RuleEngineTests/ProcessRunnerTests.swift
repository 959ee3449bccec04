import Foundation
import Testing

@testable import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The child-process runner that plugins and git go through: every run ends, is bounded and
/// leaves nothing behind.
@Suite struct ProcessRunnerTests {
  /// Whether the process `pid` is gone (or a zombie no one will wait for).
  static func isGone(_ pid: Int32) -> Bool {
    for _ in 0..<50 {
      if kill(pid, 0) != 0 { return true }
      // A killed grandchild is reaped by init; give it a moment.
      let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      if state.split(separator: " ").dropFirst(2).first == "Z" { return true }
      usleep(20_000)
    }
    return false
  }

  static func pid(in output: Data) -> Int32? {
    Int32(String(decoding: output, as: UTF8.self).split(separator: "\n").first ?? "")
  }

  @Test func whatACommandLeavesRunningIsStoppedWithIt() throws {
    let completion = try ProcessRunner.complete(
      ["/bin/sh", "-c", "sleep 300 & echo $!"], timeout: 60
    ).get()
    #expect(!completion.timedOut)
    #expect(completion.status == 0)
    let grandchild = try #require(Self.pid(in: completion.output))
    #expect(Self.isGone(grandchild), "the background sleep still runs")
  }

  @Test func aTimedOutCommandsWholeGroupIsStopped() throws {
    let completion = try ProcessRunner.complete(
      ["/bin/sh", "-c", "sleep 300 & echo $!; sleep 300"], timeout: 0.5
    ).get()
    #expect(completion.timedOut)
    let grandchild = try #require(Self.pid(in: completion.output))
    #expect(Self.isGone(grandchild))
  }

  @Test func outputPastTheLimitStopsTheCommand() throws {
    let completion = try ProcessRunner.complete(
      ["/bin/sh", "-c", "cat /dev/zero"], timeout: 60, outputLimit: 1 << 20
    ).get()
    #expect(completion.overflowed)
    #expect(!completion.timedOut)
    #expect(completion.output.count <= 1 << 20)
  }

  @Test func aCommandThatDoesNotReadItsInputDoesNotEndTheCaller() throws {
    let completion = try ProcessRunner.complete(
      ["/bin/sh", "-c", "exit 0"], input: Data(count: 8 << 20), timeout: 60
    ).get()
    #expect(completion.status == 0)
  }

  @Test func aMissingProgramIsNamed() {
    let result = ProcessRunner.run(
      ["./no-such-plugin"], input: Data(), timeout: 5, folder: "/tmp")
    guard case .failure(let failure) = result else {
      Issue.record("a missing program ran")
      return
    }
    #expect(failure.message == "could not start: /tmp/no-such-plugin does not exist")
  }

  @Test func aChildInheritsNoOtherDescriptor() throws {
    // Opened without close-on-exec, as a file being written elsewhere in the process may be.
    let stray = open("/dev/null", O_RDONLY)
    #expect(stray > 2)
    defer { close(stray) }
    let completion = try ProcessRunner.complete(["/bin/ls", "/proc/self/fd"], timeout: 60).get()
    let open = String(decoding: completion.output, as: UTF8.self).split(separator: "\n")
    #expect(!open.contains(Substring("\(stray)")) || stray == 3, "\(open)")
    #expect(open.count <= 4, "\(open)")
  }
}
