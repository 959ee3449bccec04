import FactlintModel

extension SourceFiles {
  /// Reads and parses a YAML file, recording a located problem when it cannot be used.
  public static func readYAML(
    _ path: String, stream: YAMLItemStream? = nil, problems: inout [Problem]
  ) -> YAMLNode? {
    do {
      let bytes = try read(path)
      do {
        guard let root = try YAMLParser.parse(bytes, stream: stream) else {
          problems.append(Problem(.emptyFile, at: SourceLocation(file: path, line: 1, column: 1)))
          return nil
        }
        return root
      } catch {
        problems.append(Problem(.yaml(error), at: SourceLocation(file: path, mark: error.mark)))
        return nil
      }
    } catch {
      problems.append(error)
      return nil
    }
  }
}
