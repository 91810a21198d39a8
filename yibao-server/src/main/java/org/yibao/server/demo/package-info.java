/**
 * Demo world (R-DEMO, DOMAIN §2): the named fixtures every document and test relies on, plus a
 * seeded, deterministic generated population of persons, institutions and catalogue items, loaded
 * straight into an empty database on the first start.
 *
 * <p>The public API is the pure model and generator ({@link org.yibao.server.demo.DemoWorld},
 * {@link org.yibao.server.demo.DemoWorldGenerator}), the named cast ({@link org.yibao.server.demo.DemoCast})
 * and the certificate-number check ({@link org.yibao.server.demo.CertificateNumbers}); the loader lives in
 * {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo world")
package org.yibao.server.demo;
