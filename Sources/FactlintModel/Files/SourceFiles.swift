import Foundation

/// Reads input files and finds them in folders, with the checks every untrusted input needs.
public enum SourceFiles {
  /// Files larger than this are refused rather than read into memory.
  public static let sizeLimit = 512 * 1024 * 1024

  /// The extensions factlint reads.
  static let extensions: Set<String> = ["yml", "yaml", "csv", "tsv"]

  /// The bytes of `path`, refusing missing, oversized, binary and non-UTF-8 files.
  public static func read(_ path: String) throws(Problem) -> [UInt8] {
    let start = SourceLocation(file: path, line: 1, column: 1)
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw Problem(.notFound, at: start)
    }
    guard !isFolder.boolValue else {
      throw Problem(.unreadable(reason: "it is a folder"), at: start)
    }
    let size = (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= sizeLimit else {
      throw Problem(.tooLarge(bytes: size, limit: sizeLimit), at: start)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw Problem(.unreadable(reason: "permission denied"), at: start)
    }
    defer { try? handle.close() }
    let bytes: [UInt8]
    do {
      bytes = try readAll(handle, expectedSize: size)
    } catch {
      throw Problem(.unreadable(reason: "\(error)"), at: start)
    }
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

  /// The file's bytes, read straight into the array that holds them: a data file may be a
  /// hundred megabytes, and reading it through `Data` would copy it once more.
  private static func readAll(_ handle: FileHandle, expectedSize: Int) throws -> [UInt8] {
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, initialized in
      while initialized < buffer.count {
        let count = Foundation.read(
          handle.fileDescriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
        if count > 0 {
          initialized += count
        } else if count == 0 || errno != EINTR {
          failure = count < 0 ? errno : 0
          return
        }
      }
    }
    guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    // A file still being written may have grown since its size was taken.
    if let rest = try handle.readToEnd() { bytes += rest }
    return bytes
  }

  /// The line and column of a byte offset, for errors found while scanning raw bytes.
  public static func location(ofOffset offset: Int, in bytes: [UInt8], file: String)
    -> SourceLocation
  {
    SourceLines(bytes).location(file: file, offset: offset)
  }

  /// The input files at `path`: the file itself, or the YAML and CSV files below a folder, sorted.
  public static func expand(_ path: String) throws(Problem) -> [String] {
    let start = SourceLocation(file: path, line: 1, column: 1)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw Problem(.notFound, at: start)
    }
    guard isFolder.boolValue else { return [path] }
    guard let enumerator = FileManager.default.enumerator(atPath: path) else {
      throw Problem(.unreadable(reason: "cannot list the folder"), at: start)
    }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      if name.hasPrefix(".") {
        enumerator.skipDescendants()
        continue
      }
      if let dot = name.lastIndex(of: "."),
        extensions.contains(String(name[name.index(after: dot)...]))
      {
        files.append(join(path, relative))
      }
    }
    guard !files.isEmpty else { throw Problem(.noInputFiles, at: start) }
    return files.sorted()
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
