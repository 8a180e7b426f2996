/**
 * API budgets: the manifest's top-level {@code api_budget} ({@code HTTPAPIBudget}) with its call rate policies
 * ({@code FixedWindowCallRatePolicy}, {@code MovingWindowCallRatePolicy}, {@code UnlimitedCallRatePolicy}), their
 * {@code Rate}s and {@code HttpRequestRegexMatcher}s. One budget is installed per run and shared by every request
 * of the source (see {@link dev.sluice.http.SourceBudget}).
 */
@NullMarked
package dev.sluice.declarative.budget;

import org.jspecify.annotations.NullMarked;
