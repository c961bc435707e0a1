package org.springframework.samples.methodguard.owner;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Controllers under org.springframework.samples, as in Spring's own sample applications: never dropped. */
@Controller
public class OwnerController {
    @GetMapping("/owners")
    String list(Model model) {
        model.addAttribute("title", "Owners");
        return "owners";
    }

    @GetMapping("/owners/new")
    String form(Model model) {
        model.addAttribute("title", "New owner");
        return "owners";
    }

    @PostMapping("/owners/new")
    String create() {
        return "redirect:/owners/1";
    }

    @GetMapping("/owners/{ownerId}")
    String show(@PathVariable int ownerId, Model model) {
        model.addAttribute("title", "Owner " + ownerId);
        return "owners";
    }

    @GetMapping("/owners/{ownerId}/edit")
    String edit(@PathVariable int ownerId, Model model) {
        model.addAttribute("title", "Edit " + ownerId);
        return "owners";
    }

    @PostMapping("/owners/{ownerId}/edit")
    String update(@PathVariable int ownerId) {
        return "redirect:/owners/" + ownerId;
    }

    @DeleteMapping("/owners/{ownerId}")
    @ResponseBody
    Map<String, Object> delete(@PathVariable int ownerId) {
        return Map.of("deleted", ownerId);
    }
}
