import FactlintModel
import Foundation

/// File name patterns for articles: `*` matches within a folder name, `**` any number of
/// folders, `?` one character.
enum Glob {
  /// The files below `folder` whose path relative to it matches `pattern`, sorted, written
  /// relative to the current folder.
  static func files(matching pattern: String, in folder: String) -> [String] {
    let patternParts = pattern.split(separator: "/").map(String.init)
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var matches: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let parts = relative.split(separator: "/").map(String.init)
      if parts.last?.hasPrefix(".") == true {
        enumerator.skipDescendants()
        continue
      }
      if match(patternParts[...], parts[...]) {
        let path = SourceFiles.join(folder, relative)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
        {
          matches.append(path)
        }
      }
    }
    return matches.sorted()
  }

  /// Whether path components match pattern components, `**` standing for any number of them.
  static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
    guard let first = pattern.first else { return path.isEmpty }
    if first == "**" {
      let rest = pattern.dropFirst()
      for start in path.indices + [path.endIndex] where match(rest, path[start...]) {
        return true
      }
      return false
    }
    guard let name = path.first, matchName(Array(first)[...], Array(name)[...]) else {
      return false
    }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  /// Whether one name matches a pattern with `*` and `?`.
  static func matchName(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
    guard let first = pattern.first else { return name.isEmpty }
    switch first {
    case "*":
      for start in name.indices + [name.endIndex]
      where matchName(pattern.dropFirst(), name[start...]) {
        return true
      }
      return false
    case "?":
      return !name.isEmpty && matchName(pattern.dropFirst(), name.dropFirst())
    default:
      return name.first == first && matchName(pattern.dropFirst(), name.dropFirst())
    }
  }
}
