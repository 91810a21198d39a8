package org.yibao.server.gateway.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /fsi/api/rsfComIfsService/callService} (NATIONAL_INTERFACE §1). Authentication is the
 * institution's HMAC-SM3 signature, checked by {@link FsiGateway} before anything else; every answer,
 * refusals included, is HTTP 200 with the reply envelope, as HIS clients expect.
 *
 * <p>A plain servlet rather than a controller: the call carries its own authentication and its own
 * error model, so the staff login chain and the MVC dispatch (about a third of the CPU of a call when
 * they were in the path) have nothing to add. The platform's security configuration gives this one
 * path an empty filter chain; every other {@code /fsi/**} path stays denied.
 *
 * <p>A request for exactly this path is answered by a valve at the head of the web application's pipeline,
 * before the servlet filters: the character-encoding, form, request-context, observation, resource-URL and
 * WebSocket filters and the security firewall have nothing to do for a signed JSON call and took 7.6 % of a
 * request thread's CPU (bench/gateway-cpu.sh with async-profiler). Any other spelling of the path (path
 * parameters, encoded characters) takes the ordinary way through the filters to the same servlet.
 */
final class FsiServlet extends HttpServlet {

    static final String PATH = "/fsi/api/rsfComIfsService/callService";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";
    private static final byte[] POST_ONLY = ("{\"infcode\":-1,\"err_msg\":\"只接受 POST：国家医保接口的每笔交易以 POST 发送 JSON 报文\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final transient FsiGateway gateway;

    FsiServlet(FsiGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "POST");
            write(response, POST_ONLY);
            return;
        }
        // Read at most one byte more than allowed: a larger body is refused without being held in memory.
        byte[] body = request.getInputStream().readNBytes(FsiGateway.MAX_BODY_BYTES + 1);
        byte[] reply = gateway.call(body, request.getHeader("x-ca-key"), request.getHeader("x-ca-signature"));
        write(response, reply);
    }

    private static void write(HttpServletResponse response, byte[] bytes) throws IOException {
        response.setContentType(JSON_UTF8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ServletRegistrationBean<FsiServlet> fsiServlet(FsiGateway gateway) {
            ServletRegistrationBean<FsiServlet> bean = new ServletRegistrationBean<>(new FsiServlet(gateway), PATH);
            bean.setName("fsi");
            bean.setLoadOnStartup(1);
            return bean;
        }

        /** Calls for exactly {@link #PATH} skip the filters (see the class comment); the rest reaches the servlet through them. */
        @Bean
        org.springframework.boot.tomcat.TomcatContextCustomizer fsiValve(ServletRegistrationBean<FsiServlet> fsiServlet) {
            FsiServlet servlet = fsiServlet.getServlet();
            return context -> context.getPipeline().addValve(new org.apache.catalina.valves.ValveBase(true) {
                @Override
                public void invoke(org.apache.catalina.connector.Request request, org.apache.catalina.connector.Response response)
                        throws IOException, jakarta.servlet.ServletException {
                    if (PATH.equals(request.getRequestURI())) {
                        // As Tomcat's own context valve does before any servlet: "100 Continue" to a client that
                        // sent "Expect: 100-continue" and waits for it before the body.
                        response.sendAcknowledgement(org.apache.coyote.ContinueResponseTiming.IMMEDIATELY);
                        servlet.handle(request.getRequest(), response.getResponse());
                    } else {
                        getNext().invoke(request, response);
                    }
                }
            });
        }

        /** The endpoint keeps its own timer per infno ({@code yibao.fsi.calls}); the generic HTTP one adds nothing but cost. */
        @Bean
        io.micrometer.observation.ObservationPredicate noHttpObservationOfFsiCalls() {
            return (name, context) -> !(context instanceof org.springframework.http.server.observation.ServerRequestObservationContext c
                    && c.getCarrier() != null && PATH.equals(c.getCarrier().getRequestURI()));
        }
    }
}
