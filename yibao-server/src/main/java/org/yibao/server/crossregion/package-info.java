/**
 * Clearing between regions (异地清算, R-XR-4): the prepaid funds (预付金) an insured pooling region keeps
 * with each treatment pooling region, their top-ups and top-up requests, and the monthly statement per
 * pair of regions, confirmed by both sides and settled against the prepaid fund, each step posted in
 * both regions' fund ledgers. The settlements themselves (and their two-region postings) are the
 * settlement context's; filings are the insured context's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-region clearing")
package org.yibao.server.crossregion;
