/**
 * Regions: pooling regions (统筹区) and the counties inside them, effective-dated (R-REF-5). Every
 * other reference context asks this one whether a region code exists and which pooling region it
 * belongs to. Also holds the small paging and validation vocabulary the reference contexts share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package org.yibao.server.region;
