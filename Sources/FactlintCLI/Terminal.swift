import FactlintModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error, and the exit status.
public enum Terminal {
  /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
  public static var colorsStandardOutput: Bool {
    guard isatty(STDOUT_FILENO) == 1 else { return false }
    if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return true
  }

  /// Whether the environment lets plugin rules run for this run: FACTLINT_ALLOW_PLUGINS=1.
  public static var environmentAllowsPlugins: Bool {
    guard let value = getenv("FACTLINT_ALLOW_PLUGINS") else { return false }
    return String(cString: value) == "1"
  }

  /// Whether standard error is a terminal, where a progress line may be shown.
  public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// A progress line on standard error.
  public static func progressLine() -> Progress {
    Progress(write: { write($0, to: STDERR_FILENO) })
  }

  /// Writes the outcome and exits with its status. Output that cannot be written (standard
  /// output closed, a full disk) fails the run with exit 2 rather than pass it unseen; a reader
  /// that stopped reading (`factlint | head`) is no failure.
  public static func finish(_ outcome: Outcome) -> Never {
    var status = outcome.status
    if let error = OutputFile.writeAll(Array(outcome.output.utf8), to: STDOUT_FILENO),
      error != EPIPE
    {
      write(
        "factlint: cannot write the output: \(String(cString: strerror(error)))\n",
        to: STDERR_FILENO)
      status = max(status, ExitStatus.badInput)
    }
    write(outcome.errors, to: STDERR_FILENO)
    exit(status)
  }

  /// Standard input until its end or `limit` bytes, whichever comes first.
  public static func readStandardInput(limit: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count < limit {
      let wanted = min(chunk.count, limit - bytes.count)
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, wanted) }
      if count > 0 {
        bytes += chunk[..<count]
      } else if count < 0, errno == EINTR {
        continue
      } else {
        break
      }
    }
    return bytes
  }

  /// The path of the program `name` in the folder this program was run from: the real path of
  /// the running executable, links resolved.
  public static func programBeside(_ name: String) -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let own =
      count > 0
      ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      : CommandLine.arguments[0]
    return SourceFiles.join(SourceFiles.folder(of: own), name)
  }

  /// Runs the program `name` from beside this one in this process's place, with `arguments`;
  /// when it is not there or cannot run, says how to get it and exits with 2.
  public static func runInstead(_ name: String, arguments: [String], howToGet: String) -> Never {
    let program = programBeside(name)
    if access(program, X_OK) == 0 {
      var pointers = ([program] + arguments).map { strdup($0) } + [nil]
      execv(program, &pointers)
    }
    write(
      "factlint: cannot run \(program): \(String(cString: strerror(errno))); \(howToGet)\n",
      to: STDERR_FILENO)
    exit(ExitStatus.badInput)
  }

  /// Writes all of `text` to `descriptor` (`OutputFile.writeAll`); false when the descriptor
  /// refuses the rest.
  @discardableResult
  public static func write(_ text: String, to descriptor: Int32) -> Bool {
    OutputFile.writeAll(Array(text.utf8), to: descriptor) == nil
  }
}
