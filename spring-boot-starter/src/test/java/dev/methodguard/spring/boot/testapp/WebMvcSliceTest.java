package dev.methodguard.spring.boot.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.samples.methodguard.owner.OwnerController;
import org.springframework.test.web.servlet.MockMvc;

/** A {@code @WebMvcTest} slice of one controller: the starter's auto-configuration is part of the slice. */
@WebMvcTest(OwnerController.class)
class WebMvcSliceTest {
    @Autowired
    MockMvc mvc;

    @Test
    void theSliceIncludesMethodGuard() throws Exception {
        mvc.perform(delete("/owners/3/edit"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD, OPTIONS, POST"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void theSlicesControllerIsServed() throws Exception {
        mvc.perform(get("/owners/3/edit")).andExpect(status().isOk());
        mvc.perform(post("/owners/3/edit")).andExpect(status().isFound());
    }
}
