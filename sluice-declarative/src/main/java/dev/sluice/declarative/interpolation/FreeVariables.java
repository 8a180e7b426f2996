package dev.sluice.declarative.interpolation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Names a template reads from its context, as Jinja's {@code meta.find_undeclared_variables} reports them: a name
 * is free where it is read without being definitely bound before — by {@code set} earlier in the same scope (in
 * every branch of an {@code if}), or as a loop target or {@code loop} inside its loop. Globals are never free.
 */
final class FreeVariables {

    private final Set<String> free = new TreeSet<>();
    private final Map<String, List<List<String>>> paths = new HashMap<>();

    private FreeVariables() {
    }

    static Set<String> of(List<Node> nodes) {
        return analyse(nodes).free;
    }

    /** Each free variable with the key paths at which it is read (see {@link KeyPaths}). */
    static Map<String, KeyPaths> paths(List<Node> nodes) {
        Map<String, KeyPaths> result = new HashMap<>();
        analyse(nodes).paths.forEach((name, read) -> result.put(name, KeyPaths.of(read)));
        return Map.copyOf(result);
    }

    private static FreeVariables analyse(List<Node> nodes) {
        FreeVariables analysis = new FreeVariables();
        analysis.nodes(nodes, new HashSet<>());
        return analysis;
    }

    private Set<String> nodes(List<Node> nodes, Set<String> bound) {
        Set<String> current = new HashSet<>(bound);
        for (Node node : nodes) {
            current = node(node, current);
        }
        return current;
    }

    private Set<String> node(Node node, Set<String> bound) {
        if (node instanceof Node.Output) {
            reads(((Node.Output) node).expr(), bound);
        } else if (node instanceof Node.If) {
            Node.If branch = (Node.If) node;
            @Nullable Set<String> common = null;
            for (int i = 0; i < branch.tests().size(); i++) {
                reads(branch.tests().get(i), bound);
                common = intersect(common, nodes(branch.bodies().get(i), bound));
            }
            return intersect(common, nodes(branch.otherwise(), bound));
        } else if (node instanceof Node.For) {
            Node.For loop = (Node.For) node;
            reads(loop.iterable(), bound);
            Set<String> inner = new HashSet<>(bound);
            inner.addAll(loop.targets());
            if (loop.filter() != null) {
                reads(loop.filter(), inner);
            }
            inner.add("loop");
            nodes(loop.body(), inner);
            nodes(loop.otherwise(), bound);
        } else if (node instanceof Node.Assign) {
            Node.Assign assign = (Node.Assign) node;
            reads(assign.value(), bound);
            Set<String> after = new HashSet<>(bound);
            after.addAll(assign.targets());
            return after;
        } else if (node instanceof Node.AssignBlock) {
            Node.AssignBlock block = (Node.AssignBlock) node;
            nodes(block.body(), bound);
            Set<String> after = new HashSet<>(bound);
            after.add(block.target());
            return after;
        }
        return bound;
    }

    private static Set<String> intersect(@Nullable Set<String> common, Set<String> branch) {
        if (common == null) {
            return branch;
        }
        Set<String> result = new HashSet<>(common);
        result.retainAll(branch);
        return result;
    }

    private void reads(Expr expr, Set<String> bound) {
        Deque<String> keys = new ArrayDeque<>();
        List<Expr> arguments = new ArrayList<>();
        Expr root = expr;
        while (true) {
            if (root instanceof Expr.GetAttr) {
                keys.addFirst(((Expr.GetAttr) root).name());
                root = ((Expr.GetAttr) root).target();
            } else if (root instanceof Expr.GetItem && constantKey(((Expr.GetItem) root).key()) != null) {
                keys.addFirst(constantKey(((Expr.GetItem) root).key()));
                root = ((Expr.GetItem) root).target();
            } else if (root instanceof Expr.MethodCall && getKey((Expr.MethodCall) root) != null) {
                Expr.MethodCall call = (Expr.MethodCall) root;
                keys.addFirst(getKey(call));
                arguments.addAll(call.args().children().subList(1, call.args().children().size()));
                root = call.target();
            } else {
                break;
            }
        }
        if (root instanceof Expr.Name) {
            String name = ((Expr.Name) root).name();
            if (!bound.contains(name) && !Globals.isGlobal(name)) {
                free.add(name);
                paths.computeIfAbsent(name, unused -> new ArrayList<>()).add(new ArrayList<>(keys));
            }
            arguments.forEach(argument -> reads(argument, bound));
            return;
        }
        // Not a key chain over a name (a filter, a call, {@code (response | first).id}): read each part.
        for (Expr child : expr.children()) {
            reads(child, bound);
        }
    }

    /** The key of {@code x['key']} or {@code x[0]} when it is a constant, as text; null otherwise. */
    private static @Nullable String constantKey(Expr key) {
        if (key instanceof Expr.Literal) {
            Object value = ((Expr.Literal) key).value();
            if (value instanceof String || value instanceof Integer || value instanceof Long) {
                return value.toString();
            }
        }
        return null;
    }

    /** The key of {@code x.get('key')} or {@code x.get('key', default)}; null for any other call. */
    private static @Nullable String getKey(Expr.MethodCall call) {
        List<Expr> positional = call.args().positional();
        if (!call.name().equals("get") || positional.isEmpty() || !call.args().keywordNames().isEmpty()) {
            return null;
        }
        Expr first = positional.get(0);
        return first instanceof Expr.Literal && ((Expr.Literal) first).value() instanceof String
                ? (String) ((Expr.Literal) first).value() : null;
    }
}
