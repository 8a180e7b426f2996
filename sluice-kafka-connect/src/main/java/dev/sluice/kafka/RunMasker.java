package dev.sluice.kafka;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.SecretMasker;
import dev.sluice.runner.Secrets;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Masks what the connector and its tasks log and report: the secret values of the source's config and those its
 * run obtained while running (OAuth tokens obtained while listing partitions or reading). Failures are reported as
 * {@link MaskedFailure} copies, since Connect logs and reports a failure's whole cause chain.
 */
final class RunMasker {

    private final RunContext run;
    private final SecretMasker configured;

    /** Masks the secrets {@code run} obtains; the config's are added once the source is known. */
    RunMasker(RunContext run) {
        this(run, SecretMasker.none());
    }

    private RunMasker(RunContext run, SecretMasker configured) {
        this.run = requireNonNull(run, "run is null");
        this.configured = requireNonNull(configured, "configured is null");
    }

    /** This masker, masking also the values {@code source}'s spec marks secret in {@code config}. */
    RunMasker withSecretsOf(Source source, Config config) {
        return new RunMasker(run, Secrets.masker(source.spec().connectionSpecification(), config));
    }

    /** {@code text} with the config's secrets and those the run obtained so far masked. */
    String mask(String text) {
        return run.secrets().mask(configured, text);
    }

    /**
     * A copy of {@code failure} and its causes with their messages masked. A {@link ConnectorException} stays one
     * (same failure type, masked user and internal messages), so whoever reads the cause still learns who must
     * act; its causes, like any other failure, become {@link MaskedFailure}s.
     */
    Throwable masked(Throwable failure) {
        if (failure instanceof ConnectorException connector) {
            Throwable cause = connector.getCause();
            ConnectorException copy = new ConnectorException(connector.failureType(),
                    mask(connector.userMessage()), mask(String.valueOf(connector.getMessage())),
                    cause == null || cause == connector ? null : MaskedFailure.of(cause, this::mask));
            copy.setStackTrace(connector.getStackTrace());
            return copy;
        }
        return MaskedFailure.of(failure, this::mask);
    }

    /** A failure of the connector or task: {@code what}, the failure's message, both masked, and the masked chain. */
    ConnectException connectException(String what, Throwable failure) {
        return new ConnectException(mask(what + ": " + failure.getMessage()), masked(failure));
    }
}
