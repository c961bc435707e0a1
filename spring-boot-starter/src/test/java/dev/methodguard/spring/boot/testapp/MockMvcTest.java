package dev.methodguard.spring.boot.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A full application context with MockMvc: the context loads, MethodGuard is in MockMvc's filter chain, and it
 * judges MockMvc's requests (which name no servlet) by the DispatcherServlet's routes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MockMvcTest {
    @Autowired
    MockMvc mvc;

    @Test
    void aWrongMethodGetsMethodGuardsJson405WithTheRoutesAllow() throws Exception {
        mvc.perform(put("/owners/1/edit"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD, OPTIONS, POST"))
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.method").value("PUT"));
    }

    @Test
    void aRightMethodPassesToTheController() throws Exception {
        mvc.perform(post("/owners/new")).andExpect(status().isFound()).andExpect(redirectedUrl("/owners/1"));
        mvc.perform(get("/owners/7")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Owner 7")));
        mvc.perform(delete("/owners/7")).andExpect(status().isOk()).andExpect(jsonPath("$.deleted").value(7));
    }

    @Test
    void staticResourcesAndActuatorAreJudgedToo() throws Exception {
        mvc.perform(put("/css/site.css")).andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.status").value(405));
        mvc.perform(get("/css/site.css")).andExpect(status().isOk());
        mvc.perform(post("/actuator/health")).andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "GET, HEAD, OPTIONS"));
    }

    @Test
    void aMethodNoHandlerImplementsGets501() throws Exception {
        mvc.perform(request(HttpMethod.valueOf("FOO"), "/owners")).andExpect(status().isNotImplemented())
                .andExpect(jsonPath("$.status").value(501));
        // ...unless a mapping without methods serves the path
        mvc.perform(request(HttpMethod.valueOf("FOO"), "/api/items/echo")).andExpect(status().isOk()).andExpect(content().string("FOO"));
    }
}
