package dev.sluice.declarative.asyncjob;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import java.util.Collection;
import java.util.function.Consumer;

/** The API's side of the jobs: create, ask after, download, abort and delete them. */
public interface JobRepository {

    /** Creates the job of a slice on the API. */
    AsyncJob start(StreamSlice slice);

    /** Asks the API where each job stands and updates it. */
    void updateStatuses(Collection<AsyncJob> jobs);

    /** Passes each record of a completed job to {@code records}, in order. */
    void fetchRecords(AsyncJob job, Consumer<ObjectNode> records);

    /** Asks the API to stop a job (nothing when the manifest says no way to). */
    void abort(AsyncJob job);

    /** Asks the API to delete a job whose records were read (nothing when the manifest says no way to). */
    void delete(AsyncJob job);
}
