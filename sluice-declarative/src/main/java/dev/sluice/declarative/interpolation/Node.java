package dev.sluice.declarative.interpolation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A compiled template statement: raw text, an output, or a block. */
sealed interface Node {

    void render(Frame frame, StringBuilder out);

    static void renderAll(List<Node> nodes, Frame frame, StringBuilder out) {
        for (Node node : nodes) {
            node.render(frame, out);
        }
    }

    record Text(String text) implements Node {
        @Override public void render(Frame frame, StringBuilder out) {
            out.append(text);
            Limits.checkString(out.length());
        }
    }

    record Output(Expr expr) implements Node {
        @Override public void render(Frame frame, StringBuilder out) {
            out.append(PyText.str(expr.eval(frame)));
            Limits.checkString(out.length());
        }
    }

    record If(List<Expr> tests, List<List<Node>> bodies, List<Node> otherwise) implements Node {
        @Override public void render(Frame frame, StringBuilder out) {
            for (int i = 0; i < tests.size(); i++) {
                if (Py.truthy(tests.get(i).eval(frame))) {
                    renderAll(bodies.get(i), frame, out);
                    return;
                }
            }
            renderAll(otherwise, frame, out);
        }
    }

    /** {@code {% for a[, b] in items [if test] %}...{% else %}...{% endfor %}}, with Jinja's {@code loop}. */
    record For(List<String> targets, boolean unpack, Expr iterable, @Nullable Expr filter, List<Node> body,
            List<Node> otherwise) implements Node {
        @Override public void render(Frame frame, StringBuilder out) {
            List<Object> items = Py.iterate(iterable.eval(frame));
            if (filter != null) {
                List<Object> kept = new java.util.ArrayList<>();
                for (Object item : items) {
                    frame.countIteration();
                    Frame scope = frame.child();
                    bind(scope, item);
                    if (Py.truthy(filter.eval(scope))) {
                        kept.add(item);
                    }
                }
                items = kept;
            }
            if (items.isEmpty()) {
                renderAll(otherwise, frame, out);
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                frame.countIteration();
                Frame scope = frame.child();
                bind(scope, items.get(i));
                scope.assign("loop", new LoopState(items, i));
                renderAll(body, scope, out);
            }
        }

        private void bind(Frame scope, Object item) {
            Assign.bindTargets(scope, targets, unpack, item);
        }
    }

    record Assign(List<String> targets, boolean unpack, Expr value) implements Node {
        @Override public void render(Frame frame, StringBuilder out) {
            bindTargets(frame, targets, unpack, value.eval(frame));
        }

        static void bindTargets(Frame frame, List<String> targets, boolean unpack, Object value) {
            if (!unpack) {
                frame.assign(targets.get(0), value);
                return;
            }
            List<Object> items = Py.iterate(value);
            if (items.size() != targets.size()) {
                throw PyErrors.valueError(items.size() < targets.size()
                        ? "not enough values to unpack (expected " + targets.size() + ", got " + items.size() + ")"
                        : "too many values to unpack (expected " + targets.size() + ")");
            }
            for (int i = 0; i < targets.size(); i++) {
                frame.assign(targets.get(i), items.get(i));
            }
        }
    }

    /** {@code {% set name %}...{% endset %}}: the rendered body as a string. */
    record AssignBlock(String target, List<Node> body) implements Node {
        @Override public void render(Frame frame, StringBuilder out) {
            StringBuilder captured = new StringBuilder();
            renderAll(body, frame, captured);
            frame.assign(target, captured.toString());
        }
    }
}
