import Foundation

/// Reads input files and finds them in folders, with the checks every untrusted input needs.
public enum SourceFiles {
  /// Files larger than this are refused rather than read into memory.
  public static let sizeLimit = 512 * 1024 * 1024

  /// The extensions factlint reads as rule files.
  public static let extensions: Set<String> = ["yml", "yaml", "csv", "tsv"]
  /// The extensions factlint reads as data: those of rule files, workbooks, and filings as JSON.
  public static let dataExtensions: Set<String> = extensions.union(["xlsx", "json"])
  /// Kinds of data file factlint does not read, which a folder of rules or data is noticed to
  /// hold.
  static let unreadDataExtensions: Set<String> = [
    "json", "jsonl", "ndjson", "xlsx", "xlsm", "xls", "ods", "xml", "parquet", "sqlite",
    "sqlite3", "db",
  ]

  /// Texts that stand in for files while an operation runs, by absolute normalized path: the
  /// buffers an editor holds, which a language server checks instead of what is on disk.
  @TaskLocal public static var overlay: [String: [UInt8]] = [:]

  /// `path` as an absolute normalized path, a relative one taken from the current folder.
  public static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return normalize(path) }
    return normalize(FileManager.default.currentDirectoryPath + "/" + path)
  }

  /// The bytes of `path`, refusing missing, oversized, binary and non-UTF-8 files, and anything
  /// but a regular file: a FIFO would block the run and a device never ends. The read itself is
  /// bounded, since a file's size may be wrong (it grows, or it is a kernel file that says 0).
  public static func read(_ path: String) throws(Problem) -> [UInt8] {
    if !overlay.isEmpty, let text = overlay[absolute(path)] { return text }
    let start = SourceLocation(file: path, line: 1, column: 1)
    var bytes = try readBinary(path)
    if let encoding = otherEncoding(bytes) {
      throw Problem(.otherEncoding(encoding), at: start)
    }
    // A UTF-8 byte order mark is not text: editors hide it, so columns are counted without it.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    // Found with memchr, which scans a large file many bytes at a time.
    let nul = bytes.withUnsafeBytes { buffer -> Int? in
      guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else {
        return nil
      }
      return UnsafeRawPointer(found) - base
    }
    if let nul {
      throw Problem(.binary, at: location(ofOffset: nul, in: bytes, file: path))
    }
    return bytes
  }

  /// The bytes of `path` as they are, with the checks of ``read(_:)`` but for those of text:
  /// for a file that is not text, such as a workbook's zip.
  public static func readBinary(_ path: String) throws(Problem) -> [UInt8] {
    let start = SourceLocation(file: path, line: 1, column: 1)
    // Opened without blocking, so that a FIFO with no writer does not hang the open.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw Problem(.notFound, at: start)
      case EACCES, EPERM: throw Problem(.unreadable(reason: "permission denied"), at: start)
      default: throw Problem(.unreadable(reason: String(cString: strerror(errno))), at: start)
      }
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw Problem(.unreadable(reason: String(cString: strerror(errno))), at: start)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw Problem(.unreadable(reason: "it is a folder"), at: start)
    default:
      throw Problem(
        .unreadable(reason: "it is not a regular file (a FIFO, a device or a socket)"), at: start)
    }
    let size = Int(info.st_size)
    guard size <= sizeLimit else {
      throw Problem(.tooLarge(bytes: size, limit: sizeLimit), at: start)
    }
    let bytes: [UInt8]
    do {
      bytes = try readAll(descriptor, expectedSize: size)
    } catch {
      throw Problem(.unreadable(reason: "\(error)"), at: start)
    }
    guard bytes.count <= sizeLimit else {
      throw Problem(.tooLarge(bytes: bytes.count, limit: sizeLimit), at: start)
    }
    return bytes
  }

  /// The name of the encoding of text that is UTF-16 or UTF-32 rather than UTF-8, told by its
  /// byte order mark or, without one, by the NUL bytes beside its first ASCII characters.
  static func otherEncoding(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
      return "UTF-32"
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
    guard bytes.count >= 4 else { return nil }
    let ascii = { (byte: UInt8) in byte >= 0x09 && byte < 0x80 }
    if ascii(bytes[0]) && bytes[1] == 0 && ascii(bytes[2]) && bytes[3] == 0 { return "UTF-16" }
    if bytes[0] == 0 && ascii(bytes[1]) && bytes[2] == 0 && ascii(bytes[3]) { return "UTF-16" }
    return nil
  }

  /// The file's bytes, read straight into the array that holds them: a data file may be a
  /// hundred megabytes, and reading it through `Data` would copy it once more. Reads past the
  /// expected size (a file still being written) stop one byte past the size limit.
  private static func readAll(_ descriptor: Int32, expectedSize: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var capacity = max(expectedSize, 1 << 16)
    while true {
      var failure: Int32 = 0
      var ended = false
      let filled = bytes.count
      let chunk = [UInt8](unsafeUninitializedCapacity: capacity - filled) { buffer, initialized in
        while initialized < buffer.count {
          let count = Foundation.read(
            descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
          if count > 0 {
            initialized += count
          } else if count == 0 || errno != EINTR {
            failure = count < 0 ? errno : 0
            ended = true
            return
          }
        }
      }
      guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
      // The first chunk, which is the whole file unless it grew, becomes the array uncopied.
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if ended || bytes.count > sizeLimit { return bytes }
      // Past the size the file gave, a small read finds its end; a file that grows, doubles.
      let more = bytes.count == expectedSize ? 1 << 16 : bytes.count
      capacity = min(bytes.count + more, sizeLimit + 1)
      if capacity <= bytes.count { return bytes }
    }
  }

  /// The line and column of a byte offset, for errors found while scanning raw bytes.
  public static func location(ofOffset offset: Int, in bytes: [UInt8], file: String)
    -> SourceLocation
  {
    SourceLines(bytes).location(file: file, offset: offset)
  }

  /// The input files at `path`: the file itself (a file with one of `extensions`, by default
  /// YAML and CSV), or the files below a folder with one of them, sorted; a folder with none is
  /// `whenEmpty`. Links below a folder are followed when they resolve inside `roots` and refused
  /// with a problem otherwise. Below a folder of rules or data, a file of a kind of data that is
  /// not read (`.json`, `.xlsx`) is a notice among `problems`.
  public static func expand(
    _ path: String, within roots: [String], extensions: Set<String> = extensions,
    whenEmpty: InputError = .noInputFiles, problems: inout [Problem]
  ) throws(Problem) -> [String] {
    let start = SourceLocation(file: path, line: 1, column: 1)
    var info = stat()
    guard stat(path, &info) == 0 else {
      // An editor's new buffer is a file before it is saved.
      if !overlay.isEmpty, overlay[absolute(path)] != nil { return [path] }
      throw Problem(.notFound, at: start)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: break
    case S_IFREG:
      // A file named directly must be of a kind it is read as.
      let name = path.split(separator: "/").last.map(String.init) ?? path
      guard let dot = name.lastIndex(of: "."),
        extensions.contains(String(name[name.index(after: dot)...]))
      else { throw Problem(.unsupportedFileType(name), at: start) }
      return [path]
    default:
      // A device or a pipe is refused when read, with its own reason.
      return [path]
    }
    let readsData = extensions == Self.extensions || extensions == Self.dataExtensions
    let files = files(in: path, within: roots, problems: &problems).filter { relative in
      guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else {
        return false
      }
      let kind = String(relative[relative.index(after: dot)...])
      // JSON in a folder of data is read when it is a filing; other JSON is noticed, not read.
      let isOtherJSON =
        kind.lowercased() == "json" && extensions.contains(kind)
        && !looksLikeFiling(join(path, relative))
      if readsData, !extensions.contains(kind) || isOtherJSON,
        unreadDataExtensions.contains(kind.lowercased())
      {
        // A folder of data may hold an export in a format factlint does not read: said, since
        // a user may expect its figures to be checked.
        problems.append(
          Problem(
            .unreadDataFile(relative),
            at: SourceLocation(file: join(path, relative), line: 1, column: 1)
          ))
      }
      return extensions.contains(kind) && !isOtherJSON
    }
    guard !files.isEmpty else { throw Problem(whenEmpty, at: start) }
    return files.map { join(path, $0) }.sorted()
  }

  /// Whether the JSON file at `path` looks like a filing factlint reads: its first 64 KiB name
  /// companyfacts' `"cik"` or xBRL-JSON's `"documentInfo"`. A file that does is read, and then
  /// must be one.
  static func looksLikeFiling(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    defer { try? handle.close() }
    let head = Array((try? handle.read(upToCount: 65536)) ?? Data())
    return ["\"cik\"", "\"documentInfo\""].contains { key in
      let pattern = Array(key.utf8)
      guard head.count >= pattern.count else { return false }
      return (0...(head.count - pattern.count)).contains { start in
        head[start] == pattern[0] && Array(head[start..<start + pattern.count]) == pattern
      }
    }
  }

  /// Whether `path` is a folder, or a link to one.
  public static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// The input files at `path`, a file or folder the user named: links below the folder may lead
  /// anywhere in its own repository, or where `scope` allows.
  public static func expand(
    _ path: String, scope: ReadScope, extensions: Set<String> = extensions,
    whenEmpty: InputError = .noInputFiles, problems: inout [Problem]
  ) throws(Problem) -> [String] {
    try expand(
      normalize(path), within: scope.roots(of: path, isFolder: true), extensions: extensions,
      whenEmpty: whenEmpty, problems: &problems)
  }

  /// The deepest folder nesting a walk goes into.
  static let depthLimit = 64

  /// Every file below `folder` that is not a folder, as a path relative to it, skipping names
  /// that start with a dot. Links are followed when they resolve inside `roots` (each folder
  /// once, so a link to a parent ends), and a link that leads outside is a problem.
  public static func files(in folder: String, within roots: [String], problems: inout [Problem])
    -> [String]
  {
    var found: [String] = []
    var visited = Set<String>()
    func walk(_ relative: String, depth: Int) {
      let here = relative.isEmpty ? folder : join(folder, relative)
      guard let real = ReadScope.resolved(here), visited.insert(real).inserted else { return }
      guard depth < depthLimit else {
        problems.append(
          Problem(
            .unreadable(reason: "folders nested more than \(depthLimit) deep"),
            at: SourceLocation(file: here, line: 1, column: 1)))
        return
      }
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: here) else {
        problems.append(
          Problem(
            .unreadable(reason: "cannot list the folder"),
            at: SourceLocation(file: here, line: 1, column: 1)))
        return
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let child = relative.isEmpty ? name : relative + "/" + name
        let path = join(folder, child)
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFLNK {
          do throws(InputError) {
            guard let target = ReadScope.resolved(path) else { throw .notFound }
            try ReadScope.check(path, resolved: target, within: roots)
          } catch {
            problems.append(Problem(error, at: SourceLocation(file: path, line: 1, column: 1)))
            continue
          }
          guard stat(path, &info) == 0 else { continue }
        }
        if info.st_mode & S_IFMT == S_IFDIR {
          walk(child, depth: depth + 1)
        } else {
          found.append(child)
        }
      }
    }
    walk("", depth: 0)
    return found
  }

  /// Whether `path` names a CSV file.
  /// Whether `path` is a CSV data file: `.csv`, or `.tsv` for tab-separated values.
  public static func isCSV(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
  }

  /// `relative` resolved against the folder `base`, normalised lexically (`rules/../data` is
  /// `data`), so that paths print as a user would write them.
  public static func join(_ base: String, _ relative: String) -> String {
    if relative.hasPrefix("/") { return normalize(relative) }
    if base.isEmpty || base == "." { return normalize(relative) }
    return normalize(base + "/" + relative)
  }

  /// The folder holding `path`.
  public static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Removes `.` and resolvable `..` components.
  public static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !absolute {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }
}
