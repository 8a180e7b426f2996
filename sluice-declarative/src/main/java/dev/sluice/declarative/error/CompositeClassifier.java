package dev.sluice.declarative.error;

import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import java.util.List;
import java.util.Set;

/**
 * How {@link CompositeErrorHandlerSpec} classifies: the first verdict that is SUCCESS, RETRY, IGNORE or
 * RESET_PAGINATION, else the last classifier's.
 */
final class CompositeClassifier implements ErrorClassifier {

    private static final Set<ResponseAction> DECISIVE = Set.of(ResponseAction.SUCCESS, ResponseAction.RETRY,
            ResponseAction.IGNORE, ResponseAction.RESET_PAGINATION);

    private final List<ErrorClassifier> classifiers;

    CompositeClassifier(List<? extends ErrorClassifier> classifiers) {
        this.classifiers = List.copyOf(classifiers);
        if (this.classifiers.isEmpty()) {
            throw new IllegalArgumentException("a composite needs at least one classifier");
        }
    }

    @Override
    public ErrorResolution classify(HttpResponse response) {
        ErrorResolution last = null;
        for (ErrorClassifier classifier : classifiers) {
            last = classifier.classify(response);
            if (DECISIVE.contains(last.action())) {
                return last;
            }
        }
        return last;
    }

    @Override
    public boolean inspectsSuccessfulBodies() {
        return classifiers.stream().anyMatch(ErrorClassifier::inspectsSuccessfulBodies);
    }
}
