package dev.sluice.declarative.interpolation;

import java.util.HashSet;
import java.util.List;
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

    private FreeVariables() {
    }

    static Set<String> of(List<Node> nodes) {
        FreeVariables analysis = new FreeVariables();
        analysis.nodes(nodes, new HashSet<>());
        return Set.copyOf(analysis.free);
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
        if (expr instanceof Expr.Name) {
            String name = ((Expr.Name) expr).name();
            if (!bound.contains(name) && !Globals.isGlobal(name)) {
                free.add(name);
            }
        }
        for (Expr child : expr.children()) {
            reads(child, bound);
        }
    }
}
