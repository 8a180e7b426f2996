package dev.sluice.builder.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files the page is made of, all from the class path: the app's own ({@code app/...}, from this package's
 * {@code web} folder) and CodeMirror 5's ({@code lib/codemirror/...}, from its webjar). Nothing else on the class
 * path is served.
 */
final class WebResources {

    static final String CODEMIRROR_VERSION = "5.65.16";

    private static final String APP = "app/";
    private static final String CODEMIRROR = "lib/codemirror/";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.(js|css|html|png|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml");

    private WebResources() {
    }

    /** A served file: its bytes and content type. */
    record Resource(byte[] bytes, String contentType) {
    }

    /** The file at {@code path} (below the token), or empty when there is none to serve. */
    static Optional<Resource> find(String path) throws IOException {
        String location;
        if (path.startsWith(APP)) {
            location = "dev/sluice/builder/app/web/" + path.substring(APP.length());
        } else if (path.startsWith(CODEMIRROR)) {
            location = "META-INF/resources/webjars/codemirror/" + CODEMIRROR_VERSION + "/"
                    + path.substring(CODEMIRROR.length());
        } else {
            return Optional.empty();
        }
        String name = location.substring(location.indexOf('/') + 1);
        if (!SAFE.matcher(path.substring(path.indexOf('/') + 1)).matches() || name.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = WebResources.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new Resource(in.readAllBytes(), TYPES.get(extension)));
        }
    }
}
