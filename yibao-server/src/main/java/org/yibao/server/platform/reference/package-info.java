/**
 * Shared mechanics of effective-dated reference data: paged results, version histories, the
 * "as of" rules and field checks that collect every broken rule before answering 400.
 */
package org.yibao.server.platform.reference;
