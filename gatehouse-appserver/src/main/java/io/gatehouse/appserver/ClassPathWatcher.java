package io.gatehouse.appserver;

import io.gatehouse.server.LogLevel;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code --reload}: watches the application's class path and reports a change once things have
 * settled, so a build that writes many class files causes one reload, not one per file.
 *
 * <p>Directories on the class path are watched with every subdirectory (new ones are added as they
 * appear); a jar is watched through its directory, for events naming the jar. The JDK's
 * {@link WatchService} (inotify on Linux) does the watching; no library is needed.
 *
 * {@snippet :
 * ClassPathWatcher watcher = ClassPathWatcher.start("target/classes:lib/app.jar",
 *     changed -> signals.offer("HUP"), log);
 * watcher.close();
 * }
 */
final class ClassPathWatcher implements AutoCloseable {

    /** Quiet time after the last change before reporting; a compiler writes its files in a burst. */
    static final long SETTLE_MILLIS = 300;

    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Set<Path> treeDirectories = new HashSet<>();
    private final Map<Path, List<String>> jarsByDirectory = new HashMap<>();
    private final Consumer<Path> onChange;
    private final PrintStream log;

    private ClassPathWatcher(WatchService service, Consumer<Path> onChange, PrintStream log) {
        this.service = service;
        this.onChange = onChange;
        this.log = log;
    }

    /**
     * @param classPath the class path, entries joined with the path separator
     * @param onChange  called (on the watcher's thread) with a changed path, once per burst of changes
     * @param log       where problems go
     * @return the running watcher
     * @throws IOException when the watch service cannot start
     */
    static ClassPathWatcher start(String classPath, Consumer<Path> onChange, PrintStream log) throws IOException {
        ClassPathWatcher watcher = new ClassPathWatcher(FileSystems.getDefault().newWatchService(), onChange, log);
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                watcher.registerTree(path);
            } else if (Files.isRegularFile(path) && path.getParent() != null) {
                watcher.jarsByDirectory.computeIfAbsent(path.getParent(), d -> new ArrayList<>())
                    .add(path.getFileName().toString());
                watcher.register(path.getParent());
            }
        }
        Thread.ofPlatform().daemon().name("gatehouse-reload-watcher").start(watcher::run);
        return watcher;
    }

    /**
     * Starts watching for {@code --reload}, saying so in the log; a failure to watch is logged and
     * the master goes on without it.
     *
     * @param classPath the workers' class path
     * @param alsoWatch more jars and directories (the application's {@code --classpath})
     * @param reload    what to do after a change (queue a HUP)
     * @param log       the master's log
     * @return the watcher, or {@code null} when it could not start
     */
    static ClassPathWatcher forReload(String classPath, List<Path> alsoWatch, Runnable reload, TimestampedLog log) {
        String watched = Stream.concat(Stream.of(classPath), alsoWatch.stream().map(Path::toString))
            .collect(Collectors.joining(File.pathSeparator));
        try {
            ClassPathWatcher watcher = start(watched, changed -> {
                log.log(LogLevel.INFO, "[master] --reload: " + changed + " changed; reloading the workers");
                reload.run();
            }, log);
            log.log(LogLevel.INFO, "[master] --reload: watching " + watcher.watched().size()
                + " directories of the class path");
            return watcher;
        } catch (IOException e) {
            log.log(LogLevel.ERROR, "[master] --reload: cannot watch the class path: " + e.getMessage());
            return null;
        }
    }

    /** @return the directories being watched */
    List<Path> watched() {
        synchronized (directories) {
            return List.copyOf(directories.values());
        }
    }

    /**
     * Registers a directory before listing its subdirectories, and so on down: a subdirectory
     * created meanwhile is then either in the listing or reported by the parent's key (listing the
     * whole tree first and registering afterwards lost one made in between).
     */
    private void registerTree(Path root) throws IOException {
        register(root);
        synchronized (directories) {
            treeDirectories.add(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                registerTree(child);
            }
        }
    }

    private void register(Path directory) throws IOException {
        WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        synchronized (directories) {
            directories.put(key, directory);
        }
    }

    private void run() {
        try {
            while (true) {
                Path changed = relevant(service.take());
                if (changed == null) {
                    continue;
                }
                // Let the burst finish: keep taking events until SETTLE_MILLIS pass without one.
                WatchKey more;
                while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant(more);
                }
                onChange.accept(changed);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** @return a changed path this key reports that matters, or {@code null}; re-arms the key */
    private Path relevant(WatchKey key) {
        Path directory;
        boolean inTree;
        synchronized (directories) {
            directory = directories.get(key);
            inTree = treeDirectories.contains(directory);
        }
        List<String> jars = jarsByDirectory.getOrDefault(directory, List.of());
        Path found = null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory == null || !(event.context() instanceof Path name)) {
                found = directory;   // overflow: something changed, we do not know what
                continue;
            }
            Path path = directory.resolve(name);
            if (inTree || jars.contains(name.toString())) {
                found = path;
            }
            if (inTree && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    log.println("[master] --reload: cannot watch " + path + ": " + e.getMessage());
                }
            }
        }
        key.reset();
        return found;
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
