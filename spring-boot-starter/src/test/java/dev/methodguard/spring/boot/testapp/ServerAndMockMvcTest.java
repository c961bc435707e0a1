package dev.methodguard.spring.boot.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.methodguard.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A real server and MockMvc in one test: the same filter is initialized by both, and each judges its own requests;
 * a request to another servlet of the real server is judged as that servlet, never as a MockMvc request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ServerAndMockMvcTest.RawServlet.class)
class ServerAndMockMvcTest {
    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    static class RawServlet {
        @Bean
        ServletRegistrationBean<HttpServlet> rawServlet() {
            return new ServletRegistrationBean<>(new HttpServlet() {
                @Override
                protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.getWriter().write("raw post");
                }
            }, "/raw/*");
        }
    }

    @Test
    void bothJudgeTheirOwnRequests() throws Exception {
        mvc.perform(put("/owners/1/edit")).andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.status").value(405));
        RawHttp.Response r = RawHttp.send(port, "PUT", "/owners/1/edit");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
        RawHttp.Response raw = RawHttp.send(port, "POST", "/raw/x");
        assertThat(raw.status()).as("another servlet's method, judged as that servlet: %s", raw).isEqualTo(200);
        assertThat(raw.body()).isEqualTo("raw post");
        assertThat(RawHttp.send(port, "DELETE", "/raw/x").header("Allow")).as("the servlet's own methods").isEqualTo("OPTIONS, POST");
    }
}
