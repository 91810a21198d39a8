/**
 * Staff console (管理端): the server-rendered pages insurer staff work in — dashboard, regions,
 * institutions, insured persons, catalogue and policy files — with a Chinese default and an English
 * switch (R-REF-5 "changed through the staff console" builds on these pages).
 *
 * <p>Pages are Thymeleaf templates; search-as-you-type and paging swap HTML fragments with htmx;
 * charts are Apache ECharts fed by JSON embedded in the page. Every asset comes from the
 * application's own jar (webjars, {@code static/}): nothing is loaded from a CDN.
 *
 * <p>The console only reads. For now it reads the reference tables of {@code V1__reference_data.sql}
 * through its own read-model query classes in {@code console.internal} ({@code DashboardQueries},
 * {@code PersonQueries}, …), because the query APIs of the region, institution, insured, catalog and
 * policy contexts do not exist yet. Each class is one narrow read model with the methods a page
 * needs, so that it can be replaced by a call to the owning context's public API once that exists,
 * without touching the controllers or templates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console")
package org.yibao.server.console;
