/**
 * Insured persons (参保人, R-REF-2): identity, insurance type and person type, identities such as
 * 特困/低保/防返贫监测, status, the employee's personal account (个人账户) balance, and read-only views of
 * their mutual-aid bindings, chronic recognitions, family-doctor contracts and cross-region filings.
 * Effective-dated and audited (R-REF-5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insured persons")
package org.yibao.server.insured;
