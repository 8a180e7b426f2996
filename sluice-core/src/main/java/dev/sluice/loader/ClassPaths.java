package dev.sluice.loader;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/** What a class loader searches, in words for an error message. */
final class ClassPaths {

    private ClassPaths() {
    }

    /**
     * The entries of every {@link URLClassLoader} from {@code loader} up to the application class loader, whose
     * entries are {@code java.class.path}; a loader of another kind is named by itself.
     */
    static String describe(ClassLoader loader) {
        List<String> entries = new ArrayList<>();
        ClassLoader application = ClassLoader.getSystemClassLoader();
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current == application) {
                entries.add(System.getProperty("java.class.path", ""));
                break;
            }
            if (current instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(url.toString());
                }
            } else {
                entries.add(current.toString());
            }
        }
        return entries.isEmpty() ? "(the platform classes only)" : String.join(File.pathSeparator, entries);
    }
}
