import Foundation

/// Writes factlint's own outputs: baselines, `--report` files, generated documentation. A file
/// is replaced whole or not at all (written beside it, then renamed over it); a device or a pipe
/// named as the output (`/dev/stdout`) is written to, never replaced; a folder is refused. Every
/// failure, a full disk included, is a located problem rather than a silent loss.
public enum OutputFile {
  /// Writes `text` to `path`.
  public static func write(_ text: String, to path: String) throws(Problem) {
    let location = SourceLocation(file: path, line: 1, column: 1)
    func failure(_ reason: String) -> Problem { Problem(.unwritable(reason: reason), at: location) }
    var info = stat()
    guard stat(path, &info) == 0 else {
      guard errno == ENOENT else { throw failure(lastError()) }
      return try replace(path, with: text, mode: nil, failure: failure)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      // Through a link to the file it names, so that the link stays a link.
      var target = path
      if let real = realpath(path, nil) {
        target = String(cString: real)
        free(real)
      }
      try replace(target, with: text, mode: info.st_mode & 0o7777, failure: failure)
    case S_IFDIR:
      throw failure("it is a folder")
    default:
      try writeInPlace(path, text, failure: failure)
    }
  }

  /// Writes a new file beside `path` and renames it over `path`.
  private static func replace(
    _ path: String, with text: String, mode: mode_t?, failure: (String) -> Problem
  ) throws(Problem) {
    var template = Array("\(SourceFiles.folder(of: path))/.factlint-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw failure(lastError()) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    // A new file gets the modes any new file gets (the umask applied), not mkstemp's 0600.
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, mode ?? (0o666 & ~mask))
    let written = writeAll(Array(text.utf8), to: descriptor).map(describe)
    let closed = close(descriptor) == 0 ? nil : lastError()
    if let reason = written ?? closed {
      unlink(temporary)
      throw failure(reason)
    }
    guard rename(temporary, path) == 0 else {
      let reason = lastError()
      unlink(temporary)
      throw failure(reason)
    }
  }

  /// Writes to a device or a pipe as it is. A pipe no one reads is an error, not a wait.
  private static func writeInPlace(_ path: String, _ text: String, failure: (String) -> Problem)
    throws(Problem)
  {
    let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw failure(errno == ENXIO ? "it is a pipe that nothing reads" : lastError())
    }
    defer { close(descriptor) }
    // Writes wait for a slow reader.
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    if let error = writeAll(Array(text.utf8), to: descriptor) { throw failure(describe(error)) }
  }

  /// Writes all of `bytes` to `descriptor`, retrying short writes and writes a signal cut off;
  /// the error number when the descriptor refuses the rest (EIO when it takes nothing).
  @discardableResult
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var rest = bytes[...]
    while !rest.isEmpty {
      let written = rest.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      if written > 0 {
        rest = rest.dropFirst(written)
      } else if written < 0, errno == EINTR {
        continue
      } else {
        return written < 0 ? errno : EIO
      }
    }
    return nil
  }

  private static func lastError() -> String { describe(errno) }

  private static func describe(_ error: Int32) -> String { String(cString: strerror(error)) }
}
