/**
 * An HTTP mocker on a real local server, the JUnit 5 form of the reference's {@code HttpMocker}: declare the
 * requests a test expects ({@link dev.sluice.testkit.http.ExpectedRequest}: method, path, query, headers, body),
 * answer them with {@link dev.sluice.testkit.http.Reply replies} built from JSON templates in test resources
 * ({@link dev.sluice.testkit.http.ResponseTemplate}, with paging helpers) or computed from the request, and let
 * {@link dev.sluice.testkit.http.HttpMocker} fail the test on a request nobody expected and on an expected request
 * never sent.
 */
@NullMarked
package dev.sluice.testkit.http;

import org.jspecify.annotations.NullMarked;
