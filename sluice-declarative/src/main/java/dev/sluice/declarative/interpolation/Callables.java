package dev.sluice.declarative.interpolation;

/** Values that only exist to be called or shown: a method read without calling it, or a global function. */
final class Callables {

    private Callables() {
    }

    /** {@code d.items} without parentheses; calling it runs the allow-listed method. */
    record BoundMethod(Object self, String name) {
        @Override
        public String toString() {
            return "<built-in method " + name + " of " + Py.typeName(self) + " object>";
        }
    }

    /** A macro or Jinja global used as a value. */
    record FunctionRef(String name) {
        @Override
        public String toString() {
            return "<function " + name + ">";
        }
    }

    /** Jinja's {@code self}: a reference to the template's blocks; templates here have none. */
    enum TemplateReference {
        INSTANCE;

        @Override
        public String toString() {
            return "<TemplateReference None>";
        }
    }
}
