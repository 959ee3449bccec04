import Foundation
import RuleEngine

/// A progress line on standard error for runs over many files: shown only on a terminal, and
/// only once a run has taken more than a second, so quick runs and pipes stay quiet.
public final class Progress: RunProgress, @unchecked Sendable {
  private let start: Date
  private let now: () -> Date
  private let write: (String) -> Void
  private var shown = false
  private let lock = NSLock()

  /// Creates a progress line that writes through `write` (standard error in the CLI); `now`
  /// is the clock.
  public init(write: @escaping (String) -> Void, now: @escaping () -> Date = Date.init) {
    self.write = write
    self.now = now
    self.start = now()
  }

  /// Reports that `done` of `total` files are read.
  public func update(_ done: Int, of total: Int) {
    lock.lock()
    defer { lock.unlock() }
    guard now().timeIntervalSince(start) > 1 else { return }
    shown = true
    write("\rfactlint: \(done)/\(total) files")
  }

  /// Clears the line, if one was shown.
  public func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { write("\r\u{1B}[K") }
    shown = false
  }
}
