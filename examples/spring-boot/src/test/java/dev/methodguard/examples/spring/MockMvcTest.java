package dev.methodguard.examples.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** MethodGuard judges MockMvc's requests (which name no servlet) by the DispatcherServlet's routes. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MockMvcTest {
    @Autowired
    MockMvc mvc;

    @Test
    void aWrongMethodGetsMethodGuardsJson405() throws Exception {
        mvc.perform(delete("/items"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD, OPTIONS, POST"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void aRightMethodReachesTheController() throws Exception {
        mvc.perform(get("/items")).andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("pen"));
    }
}
