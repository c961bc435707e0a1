package dev.methodguard.it.faces;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts Faces lifecycles (one RESTORE_VIEW per request Faces processes) in a servlet-context attribute. */
public final class CountingPhaseListener implements PhaseListener {
    static final String ATTRIBUTE = "faces-it.lifecycles";

    @Override
    public void beforePhase(PhaseEvent event) {
        ((AtomicInteger) event.getFacesContext().getExternalContext().getApplicationMap()
                .computeIfAbsent(ATTRIBUTE, k -> new AtomicInteger())).incrementAndGet();
    }

    @Override
    public void afterPhase(PhaseEvent event) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
