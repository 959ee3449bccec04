import Foundation

/// Where the paths an input names may lead. A rule file, a configuration or a baseline may come
/// from anyone, so the paths it names (`data:`, `rules:`, `articles:`, `baseline:`) and the links
/// in the folders it names must resolve, links followed, inside the repository that holds it
/// (the nearest folder above it with `.git`); outside a repository, inside its own folder or the
/// current folder. The user may allow more folders on the command line (`--allow-path`).
public struct ReadScope: Sendable, Hashable {
  /// Folders the user allows beyond each file's own, resolved.
  public var allowed: [String]

  /// A scope that also allows `folders`.
  public init(allowing folders: [String] = []) {
    allowed = folders.map(Self.canonical)
  }

  /// The folders that paths named in `file`, or links found below the folder `file`, may reach.
  public func roots(of file: String, isFolder: Bool = false) -> [String] {
    let path = Self.canonical(file)
    let folder = isFolder ? path : SourceFiles.folder(of: path)
    if let top = Self.repositoryTop(of: folder) { return [top] + allowed }
    let here = Self.resolved(".") ?? FileManager.default.currentDirectoryPath
    return [folder, here] + allowed
  }

  /// Throws when `path` resolves outside `roots`; a path that does not exist passes, for
  /// reading it to report it missing.
  public static func check(_ path: String, within roots: [String]) throws(InputError) {
    guard let resolved = resolved(path) else { return }
    try check(path, resolved: resolved, within: roots)
  }

  /// Throws when `resolved`, the resolved form of `path`, is outside `roots`.
  static func check(_ path: String, resolved: String, within roots: [String]) throws(InputError) {
    guard roots.contains(where: { contains($0, resolved) }) else {
      throw .outsideAllowedFolders(path: path, resolved: resolved)
    }
  }

  /// Whether `path` is `folder` or below it; both resolved.
  static func contains(_ folder: String, _ path: String) -> Bool {
    folder == "/" || path == folder || path.hasPrefix(folder + "/")
  }

  /// The path with every link and `..` resolved, or nil when it does not exist.
  public static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }

  /// The nearest folder at or above `folder` that holds `.git`: the top of its repository.
  public static func repositoryTop(of folder: String) -> String? {
    var current = SourceFiles.normalize(absolute(folder))
    while true {
      if FileManager.default.fileExists(atPath: SourceFiles.join(current, ".git")) {
        return current
      }
      let parent = SourceFiles.folder(of: current)
      if parent == current { return nil }
      current = parent
    }
  }

  /// `path` resolved, or made absolute and normalised when it does not exist.
  static func canonical(_ path: String) -> String {
    resolved(path) ?? SourceFiles.normalize(absolute(path))
  }

  /// `path` made absolute against the current folder.
  static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
