import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process started with `posix_spawn`, leading a process group of its own, with pipes
/// for its standard input, output and error. Its end is learnt from `waitpid`, not from a pipe
/// or socket it inherits, so a process it leaves behind cannot keep it "running".
struct ChildProcess {
  /// The child's id, which is also its process group's.
  let id: pid_t
  /// The parent's end of the child's standard input.
  let input: Int32
  /// The parent's ends of the child's standard output and standard error.
  let output: Int32
  let errors: Int32

  /// How a child ended, decoded from its wait status.
  struct Exit {
    /// The exit status, or the number of the signal that ended it.
    var status: Int32
    /// Whether a signal ended it.
    var signalled: Bool
  }

  /// Starts `arguments[0]` (a path) with `arguments` in `folder`, with exactly `environment`;
  /// why it could not start, when it cannot.
  static func start(_ arguments: [String], folder: String?, environment: [String: String])
    -> Result<ChildProcess, ProcessRunner.Failure>
  {
    var arguments = arguments
    var changesFolder = false
    var actions = fileActions()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let folder {
      if let addChdir = addChdir {
        changesFolder = addChdir(&actions, folder) == 0
      }
      if !changesFolder {
        // Without posix_spawn's own chdir, a shell changes folder and then becomes the program.
        arguments = ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", folder] + arguments
      }
    }
    var pipes: [(read: Int32, write: Int32)] = []
    for _ in 0..<3 {
      var ends: [Int32] = [0, 0]
      guard Self.closingOnExec(&ends) == 0 else {
        let error = errno
        for ends in pipes {
          close(ends.read)
          close(ends.write)
        }
        return .failure(Self.failure(error))
      }
      pipes.append((ends[0], ends[1]))
    }
    posix_spawn_file_actions_adddup2(&actions, pipes[0].read, 0)
    posix_spawn_file_actions_adddup2(&actions, pipes[1].write, 1)
    posix_spawn_file_actions_adddup2(&actions, pipes[2].write, 2)
    // Nothing else factlint has open reaches the child, even a descriptor another thread opened
    // without close-on-exec (a file being written, which could then not be run).
    if let closeFrom { _ = closeFrom(&actions, 3) }

    var attributes = spawnAttributes()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    // factlint ignores SIGPIPE; the child starts with the usual dispositions and no mask.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var id = pid_t()
    var started = posix_spawn(&id, arguments[0], &actions, &attributes, argv, envp)
    // A program another process still has open for writing (one it was just written by, in a
    // process started meanwhile) cannot run yet; it soon can.
    for attempt in 1...5 where started == ETXTBSY {
      usleep(UInt32(20_000 * attempt))
      started = posix_spawn(&id, arguments[0], &actions, &attributes, argv, envp)
    }
    close(pipes[0].read)
    close(pipes[1].write)
    close(pipes[2].write)
    guard started == 0 else {
      close(pipes[0].write)
      close(pipes[1].read)
      close(pipes[2].read)
      return .failure(Self.failure(started))
    }
    return .success(
      ChildProcess(id: id, input: pipes[0].write, output: pipes[1].read, errors: pipes[2].read))
  }

  static func failure(_ error: Int32) -> ProcessRunner.Failure {
    ProcessRunner.Failure(message: "could not start (\(String(cString: strerror(error))))")
  }

  /// How the child ended, or nil while it runs; once it has ended the child is reaped.
  func exited() -> Exit? {
    var status: Int32 = 0
    while true {
      let result = waitpid(id, &status, WNOHANG)
      if result == -1, errno == EINTR { continue }
      return result == id ? Self.decode(status) : nil
    }
  }

  /// Waits for the child to end.
  func waitForExit() -> Exit {
    var status: Int32 = 0
    while waitpid(id, &status, 0) == -1, errno == EINTR {}
    return Self.decode(status)
  }

  /// Sends `signal` to every process in the child's group.
  func signalGroup(_ signal: Int32) {
    kill(-id, signal)
  }

  /// `WIFSIGNALED`, `WTERMSIG` and `WEXITSTATUS`, which Swift does not import.
  static func decode(_ status: Int32) -> Exit {
    let signal = status & 0x7f
    if signal != 0, signal != 0x7f { return Exit(status: signal, signalled: true) }
    return Exit(status: (status >> 8) & 0xff, signalled: false)
  }

  /// Makes a pipe whose ends close on exec, atomically where `pipe2` exists: plugins start on
  /// several threads, and a child started between `pipe` and `fcntl` would hold another's pipe
  /// open.
  private static func closingOnExec(_ ends: inout [Int32]) -> Int32 {
    if let pipe2 {
      return ends.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) }
    }
    guard pipe(&ends) == 0 else { return -1 }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return 0
  }

  /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34).
  private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<FileActions>, Int32) -> Int32
  private static let closeFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    .map { unsafeBitCast($0, to: CloseFrom.self) }

  private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
  private static let pipe2: Pipe2? = symbol("pipe2").map { unsafeBitCast($0, to: Pipe2.self) }

  /// A function of the C library that its module does not declare.
  private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
    guard let library = dlopen(nil, RTLD_NOW) else { return nil }
    return dlsym(library, name)
  }

  /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15), looked up at run time
  /// because the C library's module does not declare it.
  private typealias AddChdir =
    @convention(c) (UnsafeMutablePointer<FileActions>, UnsafePointer<CChar>) -> Int32
  private static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np").map {
    unsafeBitCast($0, to: AddChdir.self)
  }

  #if canImport(Glibc)
    private typealias FileActions = posix_spawn_file_actions_t
    private static func fileActions() -> FileActions { posix_spawn_file_actions_t() }
    private static func spawnAttributes() -> posix_spawnattr_t { posix_spawnattr_t() }
  #else
    private typealias FileActions = posix_spawn_file_actions_t?
    private static func fileActions() -> FileActions { nil }
    private static func spawnAttributes() -> posix_spawnattr_t? { nil }
  #endif
}
