import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs another program with input, a time limit and its output captured: the one way factlint
/// starts a child process (plugins, git for `--since`, and the tests' runs of the binary).
package enum ProcessRunner {
  /// Why a command failed.
  package struct Failure: Error {
    /// Lower case: what went wrong, in a phrase that follows the command's name.
    package var message: String
  }

  /// How a command that started came to an end.
  package struct Completion: Sendable {
    /// What it printed on standard output.
    package var output: Data
    /// What it printed on standard error.
    package var errors: Data
    /// Its exit status, or the number of the signal that ended it.
    package var status: Int32
    /// Whether a signal ended it.
    package var signalled: Bool
    /// Whether it was stopped for running past its time limit.
    package var timedOut: Bool
    /// Whether it was stopped for printing more than the limit.
    package var overflowed: Bool
  }

  /// The command's standard output, or why it failed: it could not start, it exited non-zero,
  /// or it ran past `timeout` seconds.
  package static func run(
    _ command: [String], input: Data, timeout: Double, folder: String? = nil,
    environment: [String: String]? = nil
  ) -> Result<Data, Failure> {
    let completion: Completion
    switch complete(
      command, input: input, timeout: timeout, folder: folder, environment: environment)
    {
    case .failure(let failure): return .failure(failure)
    case .success(let value): completion = value
    }
    if completion.timedOut {
      return .failure(Failure(message: "did not finish within \(Wording.seconds(timeout))"))
    }
    if completion.overflowed {
      return .failure(
        Failure(message: "printed more than \(defaultOutputLimit >> 20) MB and was stopped"))
    }
    guard !completion.signalled, completion.status == 0 else {
      let how =
        completion.signalled
        ? "crashed (signal \(completion.status))"
        : "exited with status \(completion.status)"
      // The last line of its error output usually says why.
      let said =
        String(decoding: completion.errors, as: UTF8.self)
        .split(separator: "\n").last.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
      return .failure(Failure(message: how + said))
    }
    return .success(completion.output)
  }

  /// The most a command may print on standard output (and, apart, on standard error) before it
  /// is stopped: what a plugin prints is held in memory.
  package static let defaultOutputLimit = 32 << 20

  /// A write to a pipe whose reader has gone (a command that exits without reading its input)
  /// must fail with EPIPE, not end factlint with SIGPIPE.
  private static let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

  /// Runs `command` (a path, or a name looked up on `PATH`) in `folder` with `environment`
  /// (nil: factlint's own), writes `input` to it and captures what it prints; stops it after
  /// `timeout` seconds or once it prints more than `outputLimit` bytes. The command runs in a
  /// process group of its own, and the whole group is stopped when it ends, so nothing it
  /// started outlives it or holds its output open. Fails only when the command cannot start.
  package static func complete(
    _ command: [String], input: Data = Data(), timeout: Double, folder: String? = nil,
    environment: [String: String]? = nil, outputLimit: Int = defaultOutputLimit
  ) -> Result<Completion, Failure> {
    _ = brokenPipesIgnored
    // A relative path is the folder's, as the command would be in a shell started there.
    var arguments = command
    if command[0].contains("/") {
      if let folder, !command[0].hasPrefix("/") {
        arguments[0] =
          URL(fileURLWithPath: folder).appendingPathComponent(command[0]).standardizedFileURL.path
      }
      let program = arguments[0]
      guard FileManager.default.isExecutableFile(atPath: program) else {
        let why =
          FileManager.default.fileExists(atPath: program) ? "is not executable" : "does not exist"
        return .failure(Failure(message: "could not start: \(program) \(why)"))
      }
    } else {
      arguments = ["/usr/bin/env"] + command
    }
    let child: ChildProcess
    switch ChildProcess.start(
      arguments, folder: folder, environment: environment ?? ProcessInfo.processInfo.environment)
    {
    case .failure(let failure): return .failure(failure)
    case .success(let started): child = started
    }
    let readers = [child.output, child.errors].map { PipeReader($0, limit: outputLimit) }
    let writer = PipeWriter(child.input, input)
    let transfers = DispatchGroup()
    // Both pipes are read while the command runs, so a full pipe never blocks it, and its input
    // is written from another thread, so a command that never reads it blocks nothing. Each on a
    // thread of its own: transfers wait in poll, and on a shared pool many commands run at once
    // would wait for a free thread while their output went unread.
    for transfer in readers.map({ $0.run }) + [writer.run] {
      transfers.enter()
      Thread {
        transfer()
        transfers.leave()
      }.start()
    }
    let deadline = Date().addingTimeInterval(timeout)
    var exit = child.exited()
    while exit == nil, Date() < deadline, !readers.contains(where: \.overflowed) {
      usleep(2_000)
      exit = child.exited()
    }
    let timedOut = exit == nil && Date() >= deadline
    if exit == nil {
      child.signalGroup(SIGTERM)
      for _ in 0..<50 where exit == nil {
        usleep(2_000)
        exit = child.exited()
      }
      if exit == nil { child.signalGroup(SIGKILL) }
    }
    let ended = exit ?? child.waitForExit()
    // What the command left running is stopped with it; the pipes then close.
    child.signalGroup(SIGKILL)
    if transfers.wait(timeout: .now() + 2) == .timedOut {
      // A process that left the group holds a pipe open: stop transferring and go on.
      for reader in readers { reader.stop() }
      writer.stop()
      _ = transfers.wait(timeout: .now() + 1)
    }
    for descriptor in [child.input, child.output, child.errors] { close(descriptor) }
    return .success(
      Completion(
        output: readers[0].data, errors: readers[1].data, status: ended.status,
        signalled: ended.signalled, timedOut: timedOut,
        overflowed: readers.contains(where: \.overflowed)))
  }
}

/// A transfer through a pipe on another thread that polls, so that it can be stopped even when
/// a stray process holds the other end open.
private class PipeTransfer: @unchecked Sendable {
  let descriptor: Int32
  let lock = NSLock()
  private var stopped = false

  init(_ descriptor: Int32) { self.descriptor = descriptor }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }

  var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  /// Waits up to 100 ms for the pipe to be ready for `events`: true when it is (or has closed).
  func ready(for events: Int32) -> Bool? {
    var entry = pollfd(fd: descriptor, events: Int16(events), revents: 0)
    let count = poll(&entry, 1, 100)
    if count < 0 { return errno == EINTR ? false : nil }
    return count > 0
  }
}

/// Reads a pipe up to a limit.
private final class PipeReader: PipeTransfer, @unchecked Sendable {
  private let limit: Int
  private var stored = Data()
  private var exceeded = false

  init(_ descriptor: Int32, limit: Int) {
    self.limit = limit
    super.init(descriptor)
  }

  /// Reads until the pipe closes, the limit is passed or ``stop()`` is called.
  func run() {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while !isStopped {
      guard let ready = ready(for: POLLIN) else { return }
      guard ready else { continue }
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return }
      lock.lock()
      defer { lock.unlock() }
      guard stored.count + count <= limit else {
        exceeded = true
        return
      }
      stored.append(contentsOf: buffer[..<count])
    }
  }

  var overflowed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return exceeded
  }

  var data: Data {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}

/// Writes all of some bytes to a pipe, then closes it; gives up when the reader goes.
private final class PipeWriter: PipeTransfer, @unchecked Sendable {
  private let bytes: [UInt8]

  init(_ descriptor: Int32, _ data: Data) {
    self.bytes = Array(data)
    super.init(descriptor)
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
  }

  func run() {
    var offset = 0
    defer { shutdownWriting() }
    while offset < bytes.count, !isStopped {
      guard let ready = ready(for: POLLOUT) else { return }
      guard ready else { continue }
      let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR || errno == EAGAIN { continue }
      guard count > 0 else { return }
      offset += count
    }
  }

  /// Ends the child's input, so that it sees the end of file; the descriptor itself is closed by
  /// the runner once every transfer is over.
  private func shutdownWriting() {
    let empty = open("/dev/null", O_RDONLY | O_CLOEXEC)
    if empty >= 0 {
      dup2(empty, descriptor)
      close(empty)
    }
  }
}
