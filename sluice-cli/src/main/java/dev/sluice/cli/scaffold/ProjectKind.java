package dev.sluice.cli.scaffold;

/** The two kinds of project {@code sluice init} writes; each has its own folder of templates. */
public enum ProjectKind {
    /** A {@code Source} written in Java, with an {@code HttpStream} and a static schema. */
    CODE("code"),
    /** A declarative {@code manifest.yaml} on the classpath, with one Java custom component. */
    MANIFEST("manifest");

    private final String folder;

    ProjectKind(String folder) {
        this.folder = folder;
    }

    /** The resource folder of this kind's templates, below {@code dev/sluice/cli/scaffold/}. */
    String folder() {
        return folder;
    }
}
