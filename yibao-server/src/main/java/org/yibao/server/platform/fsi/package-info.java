/**
 * The national interface's service contract (NATIONAL_INTERFACE.md): what a transaction handler of
 * any context implements ({@link org.yibao.server.platform.fsi.FsiTransaction}), the call it gets, the
 * lenient reader of its input and the refusal it throws. The gateway module carries the transport
 * (signatures, idempotency, the envelope) and dispatches by {@code infno}.
 */
package org.yibao.server.platform.fsi;
