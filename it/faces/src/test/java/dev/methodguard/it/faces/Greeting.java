package dev.methodguard.it.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The page's backing bean: a postback stores the submitted name, and the page greets it. */
@Named
@RequestScoped
public class Greeting {
    private String name = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
